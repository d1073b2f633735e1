package io.cloudward.alerts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event as consumers read it from Kafka: the envelope written by {@link io.cloudward.events.Outbox}
 * and its {@code data}. Accessors read the fields rules match on; absent fields are null.
 */
public record AlertEvent(UUID eventId, String type, int version, UUID tenantId, String accountId, String region,
                         Instant occurredAt, JsonNode data, JsonNode envelope) {

    public static AlertEvent of(JsonNode envelope) {
        return new AlertEvent(UUID.fromString(envelope.path("eventId").asText()), envelope.path("type").asText(),
                envelope.path("version").asInt(1), UUID.fromString(envelope.path("tenantId").asText()),
                text(envelope, "accountId"), text(envelope, "region"),
                envelope.hasNonNull("occurredAt") ? Instant.parse(envelope.get("occurredAt").asText()) : Instant.now(),
                envelope.path("data"), envelope);
    }

    /** {@code finding}, {@code incident}, {@code score} or {@code run}. */
    public String family() {
        int dot = type.indexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    public boolean isFinding() {
        return family().equals("finding");
    }

    public boolean isIncident() {
        return family().equals("incident");
    }

    public String severity() {
        return text(data, "severity");
    }

    public String category() {
        return text(data, "category");
    }

    public String checkId() {
        return text(data, "checkId");
    }

    public String title() {
        String title = text(data, "title");
        return title != null ? title : type;
    }

    public String status() {
        return text(data, "status");
    }

    public String resourceId() {
        return text(data, "resourceId");
    }

    /**
     * What a ticket follows: a finding's fingerprint, or the incident's id. Null for events that open no
     * ticket (scores, runs).
     */
    public String ticketKey() {
        if (isFinding()) {
            return text(data, "fingerprint");
        }
        if (isIncident()) {
            return "incident:" + text(data, "incidentId");
        }
        return null;
    }

    /** A suppressed finding (even one announced as created) is not news. */
    public boolean suppressed() {
        return "SUPPRESSED".equals(status());
    }

    /** What the event means for a ticket that follows it. */
    public enum TicketStep { OPEN, UPDATE, RESOLVE }

    public TicketStep ticketStep() {
        return switch (type) {
            case "finding.created" -> suppressed() ? TicketStep.RESOLVE : TicketStep.OPEN;
            case "finding.reopened", "incident.created" -> TicketStep.OPEN;
            case "finding.resolved", "finding.suppressed", "incident.resolved" -> TicketStep.RESOLVE;
            default -> TicketStep.UPDATE;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
