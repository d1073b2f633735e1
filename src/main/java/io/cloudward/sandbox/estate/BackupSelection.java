package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** The resources (by ARN) a backup plan protects. */
public record BackupSelection(String id, String name, String iamRoleArn, List<String> resources, Instant created) {

    public BackupSelection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a backup selection needs a name");
        }
        resources = Lists.orEmpty(resources);
    }

    public BackupSelection withIdentity(String newId, String roleArn) {
        return new BackupSelection(newId, name, roleArn, resources, created);
    }
}
