package io.cloudward.scoring;

import java.util.Set;

/**
 * The input of the Security-Hub-style figure: which checks produced data for an account, and where that
 * knowledge comes from. A check with data passes when it has no open finding.
 *
 * <p>Today the collection engine records failures only, so {@link #INFERRED}: every registered check counts as
 * having data once the account has at least one check finding on record (proof that a collection ran), and
 * none before. A check whose source was denied therefore counts as passed. When runs record evaluated checks,
 * feed them here with another basis; the figure's shape does not change.
 *
 * @param basis how {@code withData} was established, shown beside the figure
 */
public record CheckCoverage(Set<String> withData, String basis) {
    public static final String INFERRED = "inferred-from-findings";

    public CheckCoverage {
        withData = Set.copyOf(withData);
    }

    public static CheckCoverage none() {
        return new CheckCoverage(Set.of(), INFERRED);
    }
}
