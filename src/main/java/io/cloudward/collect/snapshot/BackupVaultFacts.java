package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.util.Optional;

/**
 * One backup vault from ListBackupVaults.
 *
 * @param name               BackupVaultName
 * @param arn                BackupVaultArn
 * @param region             its region
 * @param vaultType          VaultType: BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or RESTORE_ACCESS_BACKUP_VAULT
 * @param locked             Locked
 * @param minRetentionDays   MinRetentionDays of the lock
 * @param maxRetentionDays   MaxRetentionDays of the lock
 * @param lockDate           LockDate: when a compliance-mode lock becomes immutable; empty in governance mode
 * @param recoveryPointCount NumberOfRecoveryPoints
 */
public record BackupVaultFacts(String name, String arn, String region, String vaultType, boolean locked,
                               Optional<Long> minRetentionDays, Optional<Long> maxRetentionDays,
                               Optional<Instant> lockDate, long recoveryPointCount) {

    public BackupVaultFacts {
        Facts.text(name, "backup vault name");
        Facts.text(arn, "backup vault ARN");
        Facts.text(region, "backup vault region");
        Facts.text(vaultType, "backup vault type");
        Facts.present(minRetentionDays, "MinRetentionDays");
        Facts.present(maxRetentionDays, "MaxRetentionDays");
        Facts.present(lockDate, "LockDate");
        if (recoveryPointCount < 0) {
            throw new IllegalArgumentException("NumberOfRecoveryPoints cannot be negative");
        }
    }
}
