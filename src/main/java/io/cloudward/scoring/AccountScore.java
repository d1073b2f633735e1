package io.cloudward.scoring;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;

import java.util.List;

/**
 * An account's score and why. All numbers are exact (0–100, not rounded): {@code 100 - overall} equals the
 * sum of the costs' {@code points} plus the cap's {@code points}.
 *
 * @param uncapped the score before the compromise cap
 * @param cap      null unless an active compromise holds the score down
 * @param costs    every open finding that cost points, most expensive first
 */
public record AccountScore(double overall, double uncapped, List<CategoryScore> categories, Cap cap,
                           List<Cost> costs, CheckTally checks) {

    public boolean capped() {
        return cap != null;
    }

    /** @param pointsLost the category's own points lost (of its 100) */
    public record CategoryScore(Category category, double score, double weight, double pointsLost) {
    }

    /** @param reasons what shows the compromise (threat findings, open incidents) */
    public record Cap(double maxScore, double points, List<String> reasons) {
    }

    /**
     * @param categoryPoints points its category lost to it (of the category's 100)
     * @param points         points the overall score lost to it
     */
    public record Cost(String ref, String checkId, Category category, Severity severity, String title, int count,
                       double categoryPoints, double points) {
    }

    /**
     * An action and what it would gain: resolving every open finding of one check (or finding type), or one
     * open incident.
     *
     * @param points            how much the score would rise
     * @param pointsIgnoringCap how much the uncapped score would rise (what the fix is worth once the compromise is over)
     */
    public record Fix(Kind kind, String key, String title, int findings, double points, double pointsIgnoringCap) {
        public enum Kind { CHECK, INCIDENT }
    }
}
