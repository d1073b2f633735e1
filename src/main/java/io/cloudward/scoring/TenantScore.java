package io.cloudward.scoring;

/**
 * The tenant's score: the weighted mean of its accounts' scores, where an account under an active compromise
 * weighs {@link ScoreWeights#compromisedAccountWeight()} and every other account 1 ({@code null} without accounts).
 */
public record TenantScore(Double overall, int accounts, int compromisedAccounts, CheckTally checks) {
}
