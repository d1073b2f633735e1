package io.cloudward.scoring;

import java.util.List;

/** Everything an account's score is computed from; statuses other than OPEN are ignored by the model. */
public record AccountInput(List<ScoredFinding> findings, List<OpenIncident> incidents, CheckCoverage coverage) {
    public AccountInput {
        findings = List.copyOf(findings);
        incidents = List.copyOf(incidents);
    }
}
