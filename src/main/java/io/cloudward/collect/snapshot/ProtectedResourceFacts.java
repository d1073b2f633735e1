package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * A resource AWS Backup has backed up at least once (ListProtectedResources), with its newest completed
 * recovery point (ListRecoveryPointsByResource, Status COMPLETED or AVAILABLE).
 *
 * @param resourceArn                  ResourceArn
 * @param resourceType                 ResourceType, e.g. EBS, RDS, Aurora, DynamoDB, EFS
 * @param region                       its region
 * @param resourceName                 ResourceName when set
 * @param lastBackupTime               LastBackupTime
 * @param latestCompletedRecoveryPoint the newest recovery point that completed, empty if none did
 */
public record ProtectedResourceFacts(String resourceArn, String resourceType, String region,
                                     Optional<String> resourceName, Optional<Instant> lastBackupTime,
                                     Optional<RecoveryPoint> latestCompletedRecoveryPoint) {

    public ProtectedResourceFacts {
        Facts.text(resourceArn, "protected resource ARN");
        Facts.text(resourceType, "protected resource type");
        Facts.text(region, "protected resource region");
        Facts.present(resourceName, "protected resource name");
        Facts.present(lastBackupTime, "last backup time");
        Facts.present(latestCompletedRecoveryPoint, "latest completed recovery point");
    }

    /**
     * @param arn       RecoveryPointArn
     * @param createdAt CreationDate (the point in time the data can be restored to)
     * @param vaultName BackupVaultName
     */
    public record RecoveryPoint(String arn, Instant createdAt, String vaultName) {
        public RecoveryPoint {
            Facts.text(arn, "recovery point ARN");
            Facts.present(createdAt, "recovery point creation date");
            Facts.text(vaultName, "recovery point vault");
        }
    }
}
