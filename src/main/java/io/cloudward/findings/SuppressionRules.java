package io.cloudward.findings;

import java.time.Instant;
import java.util.List;

/** The tenant's active suppression rules, loaded once per scope and matched in memory against each observation. */
public final class SuppressionRules {
    private final List<Suppression> rules;

    SuppressionRules(List<Suppression> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first rule that holds this finding now, or null. */
    Suppression match(Observation seen, Instant now) {
        for (Suppression rule : rules) {
            if (rule.activeAt(now) && matches(rule, seen.checkId(), seen.resourceId(), seen.accountId(), seen.region())) {
                return rule;
            }
        }
        return null;
    }

    static boolean matches(Suppression rule, String checkId, String resourceId, String accountId, String region) {
        return (rule.checkId == null || glob(rule.checkId, checkId))
                && (rule.resourcePattern == null || glob(rule.resourcePattern, resourceId))
                && (rule.accountId == null || rule.accountId.equals(accountId))
                && (rule.region == null || rule.region.equals(region));
    }

    /** {@code *} matches any run of characters; everything else literally. */
    public static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
