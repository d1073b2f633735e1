package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * One RDS DB instance from DescribeDBInstances.
 *
 * @param identifier           DBInstanceIdentifier
 * @param arn                  DBInstanceArn
 * @param region               its region
 * @param engine               Engine, e.g. postgres, aurora-mysql
 * @param status               DBInstanceStatus
 * @param publiclyAccessible   PubliclyAccessible
 * @param storageEncrypted     StorageEncrypted
 * @param deletionProtection   DeletionProtection
 * @param backupRetentionDays  BackupRetentionPeriod (0 = automated backups off)
 * @param clusterIdentifier    DBClusterIdentifier for Aurora and Multi-AZ cluster members, whose storage,
 *                             backups and deletion protection are the cluster's
 * @param endpointAddress      Endpoint.Address when available
 * @param port                 Endpoint.Port when available
 */
public record DbInstanceFacts(String identifier, String arn, String region, String engine, String status,
                              boolean publiclyAccessible, boolean storageEncrypted, boolean deletionProtection,
                              int backupRetentionDays, Optional<String> clusterIdentifier,
                              Optional<String> endpointAddress, Optional<Integer> port) {

    public DbInstanceFacts {
        Facts.text(identifier, "DB instance identifier");
        Facts.text(arn, "DB instance ARN");
        Facts.text(region, "DB instance region");
        Facts.text(engine, "DB engine");
        Facts.text(status, "DB instance status");
        Facts.atLeast(backupRetentionDays, 0, "BackupRetentionPeriod");
        Facts.present(clusterIdentifier, "DB cluster identifier");
        Facts.present(endpointAddress, "endpoint address");
        Facts.present(port, "endpoint port");
    }

    public boolean clusterMember() {
        return clusterIdentifier.isPresent();
    }
}
