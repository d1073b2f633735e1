package io.cloudward.findings;

import java.time.Instant;
import java.util.UUID;

/** A finding as lists, pages and the API show it (the entity is never serialised). Texts from AWS: escape them. */
public record FindingView(UUID id, String accountId, String region, String source, String origin, String checkId,
                          String category, String severity, String title, String description, String resourceType,
                          String resourceId, String status, Instant occurredAt, Instant firstSeen, Instant lastSeen,
                          Instant resolvedAt, int reopenedCount, int occurrences, String assignee, UUID incidentId,
                          UUID suppressionId, String suppressedReason, Instant suppressedUntil) {

    static FindingView of(Finding f) {
        return new FindingView(f.id, f.accountId, f.region, f.source, f.origin.name(), f.checkId, f.category,
                f.severity.name(), f.title, f.description, f.resourceType, f.resourceId, f.status.name(), f.occurredAt,
                f.firstSeen, f.lastSeen, f.resolvedAt, f.reopenedCount, f.occurrences, f.assignee, f.incidentId,
                f.suppressionId, f.suppressedReason, f.suppressedUntil);
    }
}
