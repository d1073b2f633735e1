package io.cloudward.findings;

import java.util.UUID;

/**
 * One (account, region, source) part of a collection run.
 *
 * @param region       the region collected, or {@code global} for account-wide sources
 * @param fullSnapshot true when the run saw everything the source has (posture): findings of this scope
 *                     not seen in the run are resolved at the end. False for incremental sources.
 * @param runId        marks the findings seen in this run
 */
public record Scope(UUID tenantId, UUID awsAccountId, String accountId, String region, String source,
                    boolean fullSnapshot, UUID runId) {
}
