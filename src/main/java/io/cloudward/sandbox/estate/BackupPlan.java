package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** A backup plan: its rules say when and where, its selections say what. */
public record BackupPlan(String id, String name, Instant created, String versionId, List<BackupRule> rules,
                         List<BackupSelection> selections) {

    public BackupPlan {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backup plan needs a name");
        }
        rules = Lists.orEmpty(rules);
        selections = Lists.orEmpty(selections);
    }

    public String arn(String region, String accountId) {
        return "arn:aws:backup:" + region + ":" + accountId + ":backup-plan:" + id;
    }

    public BackupPlan withIdentity(String newId, String newVersionId, List<BackupRule> newRules,
                                   List<BackupSelection> newSelections) {
        return new BackupPlan(newId, name, created, newVersionId, newRules, newSelections);
    }
}
