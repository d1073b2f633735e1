package io.cloudward.checks;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a check may know besides its input: the scan's clock, the tenant's thresholds, the account
 * being judged and the regions the customer says they use (empty when they have not said).
 */
public record CheckContext(Instant now, CheckThresholds thresholds, String accountId, Set<String> usedRegions) {

    public CheckContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(thresholds, "thresholds");
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An AWS account id has 12 digits, got '" + accountId + "'");
        }
        usedRegions = Set.copyOf(Objects.requireNonNull(usedRegions, "usedRegions"));
    }

    public static CheckContext of(Instant now, String accountId) {
        return new CheckContext(now, CheckThresholds.defaults(), accountId, Set.of());
    }

    public CheckContext withThresholds(CheckThresholds newThresholds) {
        return new CheckContext(now, newThresholds, accountId, usedRegions);
    }

    public CheckContext withUsedRegions(Set<String> regions) {
        return new CheckContext(now, thresholds, accountId, regions);
    }
}
