package io.cloudward.sandbox.estate;

import java.time.Instant;

/** A backup vault; a locked vault (Vault Lock) keeps recovery points from deletion by an admin. */
public record BackupVault(String name, boolean locked, Long minRetentionDays, Long maxRetentionDays,
                          Instant lockDate, Instant created, String encryptionKeyArn) {

    public BackupVault {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backup vault needs a name");
        }
    }

    public String arn(String region, String accountId) {
        return "arn:aws:backup:" + region + ":" + accountId + ":backup-vault:" + name;
    }
}
