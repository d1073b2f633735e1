package io.cloudward.findings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident with its timeline (its findings in the order they happened; empty in lists). */
public record IncidentView(UUID id, String accountId, String kind, String severity, String title, String status,
                           Instant firstEventAt, Instant lastEventAt, List<FindingView> timeline) {

    static IncidentView of(Incident i, List<FindingView> timeline) {
        return new IncidentView(i.id, i.accountId, i.kind, i.severity.name(), i.title, i.status.name(), i.firstEventAt,
                i.lastEventAt, timeline);
    }
}
