package io.cloudward.collect;

import java.util.UUID;

/** A run this instance holds the lease of. */
public record RunClaim(UUID runId, UUID tenantId, UUID awsAccountId, String accountId, RunFamily family, int attempt,
                       String owner) {
}
