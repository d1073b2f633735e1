package io.cloudward.checks.backup;

import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.ProtectedResourceFacts;

import java.time.Instant;

/** Shared wording for "is this resource backed up by AWS Backup". */
final class Coverage {

    private Coverage() {
    }

    static String lastBackup(ProtectedResourceFacts protection, Instant now) {
        return protection.lastBackupTime().map(t -> "; last backup " + Phrases.minute(t) + " (" + Phrases.ago(t, now) + ")")
                .orElse("");
    }
}
