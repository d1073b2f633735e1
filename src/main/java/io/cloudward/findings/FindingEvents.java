package io.cloudward.findings;

import io.cloudward.events.Outbox;
import io.cloudward.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox events of finding lifecycle changes: topic {@link Topics#FINDINGS}, key = the AWS account id
 * so that one account's events stay in order, type {@code finding.<created|updated|resolved|reopened|suppressed>}.
 * A finding created under a suppression rule is announced as created with status SUPPRESSED: consumers that
 * alert must look at the status.
 */
@ApplicationScoped
public class FindingEvents {
    public static final String CREATED = "finding.created";
    public static final String UPDATED = "finding.updated";
    public static final String RESOLVED = "finding.resolved";
    public static final String REOPENED = "finding.reopened";
    public static final String SUPPRESSED = "finding.suppressed";

    /** The event's data: enough to route and alert without reading the database. */
    public record Data(UUID findingId, String fingerprint, String origin, String source, String checkId,
                       String category, String severity, String title, String status, String resourceType,
                       String resourceId, int reopenedCount, UUID incidentId, String actor, Map<String, Object> changes) {
    }

    private final Outbox outbox;

    public FindingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void emit(String type, String accountId, String region, Data data) {
        outbox.emit(Topics.FINDINGS, accountId, type, accountId, region, data);
    }

    static String typeOf(FindingEvent.Type type) {
        return switch (type) {
            case CREATED -> CREATED;
            case UPDATED, ASSIGNED -> UPDATED;
            case RESOLVED -> RESOLVED;
            case REOPENED -> REOPENED;
            case SUPPRESSED -> SUPPRESSED;
            case COMMENTED -> throw new IllegalArgumentException("comments are history, not lifecycle events");
        };
    }

    static Data data(Finding f, String actor, Map<String, Object> changes) {
        return new Data(f.id, f.fingerprint, f.origin.name(), f.source, f.checkId, f.category, f.severity.name(), f.title,
                f.status.name(), f.resourceType, f.resourceId, f.reopenedCount, f.incidentId, actor,
                changes == null ? Map.of() : new LinkedHashMap<>(changes));
    }
}
