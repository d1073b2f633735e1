package io.cloudward.sandbox.estate;

import java.time.Instant;

/** A recovery point kept in a vault until {@code deleteAfterDays} after its creation. */
public record RecoveryPoint(String id, String vault, String resourceArn, String resourceType, String status,
                            Instant created, Long deleteAfterDays, Long sizeBytes, String planId) {

    public RecoveryPoint {
        if (vault == null || resourceArn == null || created == null) {
            throw new IllegalArgumentException("a recovery point needs a vault, a resourceArn and a created time");
        }
        status = status == null ? "COMPLETED" : status;
    }

    public String arn(String region, String accountId) {
        return "arn:aws:backup:" + region + ":" + accountId + ":recovery-point:" + id;
    }

    public boolean expiredAt(Instant now) {
        return deleteAfterDays != null && created.plusSeconds(deleteAfterDays * 86_400).isBefore(now);
    }

    public RecoveryPoint withId(String newId, String type) {
        return new RecoveryPoint(newId, vault, resourceArn, type, status, created, deleteAfterDays, sizeBytes, planId);
    }
}
