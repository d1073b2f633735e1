package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * An RDS instance with its AWS Backup protected-resource entry: the instance's own, or for a cluster member
 * its cluster's (AWS Backup protects Aurora at cluster level).
 */
public record DbInstanceBackupCoverage(DbInstanceFacts instance, Optional<ProtectedResourceFacts> protection) {

    public DbInstanceBackupCoverage {
        Facts.present(instance, "DB instance");
        Facts.present(protection, "DB instance protection");
    }
}
