package io.cloudward.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudward.alerts.AlertEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words every chat and ticket channel shows for a message, so all say the same thing. */
public final class AlertText {
    private AlertText() {
    }

    public static String headline(Outgoing m) {
        if (m.test()) {
            return "Cloudward test message";
        }
        if (m.digest()) {
            JsonNode d = m.payload().path("digest");
            return "Cloudward " + d.path("period").asText("digest").toLowerCase() + " digest: " + d.path("events").asInt()
                    + " events for rule \"" + m.ruleName() + "\"";
        }
        AlertEvent e = m.event().orElseThrow();
        String severity = e.severity() == null ? "" : "[" + e.severity() + "] ";
        return severity + verb(e.type()) + e.title();
    }

    /** Label → value, in display order; values are untrusted text (escape per format). */
    public static Map<String, String> facts(Outgoing m) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (m.test()) {
            facts.put("Destination", "This destination is set up correctly.");
            return facts;
        }
        if (m.digest()) {
            m.payload().path("digest").path("byType").fields()
                    .forEachRemaining(f -> facts.put(f.getKey(), f.getValue().asText()));
            return facts;
        }
        AlertEvent e = m.event().orElseThrow();
        put(facts, "Event", e.type());
        put(facts, "Severity", e.severity());
        put(facts, "Status", e.status());
        put(facts, "Account", e.accountId());
        put(facts, "Region", e.region());
        put(facts, "Check", e.checkId());
        put(facts, "Resource", e.resourceId());
        put(facts, "Category", e.category());
        put(facts, "Rule", m.ruleName());
        if (m.extraCount() > 0) {
            facts.put("Held back", m.extraCount() + " more events of this rule and account since the last message");
        }
        return facts;
    }

    public static List<String> lines(Outgoing m) {
        List<String> lines = new ArrayList<>();
        facts(m).forEach((k, v) -> lines.add(k + ": " + v));
        if (m.link() != null) {
            lines.add("Open in Cloudward: " + m.link());
        }
        return lines;
    }

    private static String verb(String type) {
        return switch (type) {
            case "finding.created" -> "New finding: ";
            case "finding.reopened" -> "Reopened: ";
            case "finding.resolved" -> "Resolved: ";
            case "finding.suppressed" -> "Suppressed: ";
            case "finding.updated" -> "Changed: ";
            case "incident.created" -> "New incident: ";
            case "incident.updated" -> "Incident updated: ";
            default -> type + ": ";
        };
    }

    private static void put(Map<String, String> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(label, value);
        }
    }
}
