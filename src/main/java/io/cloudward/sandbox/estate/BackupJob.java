package io.cloudward.sandbox.estate;

import java.time.Instant;

/** A backup job; {@code state} is one of AWS Backup's job states ({@code COMPLETED}, {@code FAILED}, …). */
public record BackupJob(String id, String vault, String resourceArn, String resourceType, String state,
                        Instant created, Instant completed, String statusMessage, String planId, Long sizeBytes) {

    public BackupJob {
        if (vault == null || resourceArn == null || created == null) {
            throw new IllegalArgumentException("a backup job needs a vault, a resourceArn and a created time");
        }
        state = state == null ? "COMPLETED" : state;
    }

    public BackupJob withId(String newId, String type) {
        return new BackupJob(newId, vault, resourceArn, type, state, created, completed, statusMessage, planId,
                sizeBytes);
    }
}
