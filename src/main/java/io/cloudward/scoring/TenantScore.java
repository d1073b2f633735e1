package io.cloudward.scoring;

import io.cloudward.checks.Category;

import java.util.Map;

/**
 * The tenant's score: the weighted mean of its accounts' scores (overall and per category), where an account
 * under an active compromise weighs {@link ScoreWeights#compromisedAccountWeight()} and every other account 1.
 * {@code overall} is null and {@code categories} empty without accounts.
 */
public record TenantScore(Double overall, Map<Category, Double> categories, int accounts, int compromisedAccounts,
                          CheckTally checks) {
    public TenantScore {
        categories = Map.copyOf(categories);
    }
}
