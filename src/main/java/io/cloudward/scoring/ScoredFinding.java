package io.cloudward.scoring;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.findings.FindingStatus;
import io.cloudward.findings.Origin;

/**
 * What the score model needs of a finding. One entry may stand for {@code count} findings that score alike
 * (same check, category, severity, origin): the tenant overview reads them grouped, the account page one by one.
 *
 * @param ref   the finding id, or the check id for a group
 * @param title words for explanations (the check's title, or GuardDuty's)
 */
public record ScoredFinding(String ref, String checkId, Category category, Severity severity, Origin origin,
                            FindingStatus status, String title, int count) {

    public ScoredFinding {
        if (count < 1) {
            throw new IllegalArgumentException("a scored finding stands for at least one finding");
        }
    }

    public static ScoredFinding one(String ref, String checkId, Category category, Severity severity, Origin origin,
                                    FindingStatus status, String title) {
        return new ScoredFinding(ref, checkId, category, severity, origin, status, title, 1);
    }
}
