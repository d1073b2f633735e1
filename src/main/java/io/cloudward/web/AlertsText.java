package io.cloudward.web;

import io.cloudward.alerts.AlertAction;
import io.cloudward.alerts.AlertMatch;
import io.quarkus.qute.TemplateExtension;

import java.util.ArrayList;
import java.util.List;

/** One-line summaries of a rule's match and action for the alerts page. */
@TemplateExtension
public final class AlertsText {
    private AlertsText() {
    }

    static String summary(AlertMatch m) {
        List<String> parts = new ArrayList<>();
        add(parts, "events", m.eventTypes());
        if (m.minSeverity() != null) {
            parts.add("severity ≥ " + m.minSeverity());
        }
        add(parts, "categories", m.categories());
        add(parts, "checks", m.checkIds());
        add(parts, "accounts", m.accountIds());
        if (m.accountNamePattern() != null) {
            parts.add("account name " + m.accountNamePattern());
        }
        add(parts, "regions", m.regions());
        if (m.incidentsOnly()) {
            parts.add("incidents only");
        }
        return parts.isEmpty() ? "every event" : String.join("; ", parts);
    }

    static String summary(AlertAction a) {
        String to = a.allDestinations() ? "all destinations" : a.destinationIds().size() + " destination(s)";
        if (a.digest() != null) {
            return a.digest().name().toLowerCase() + " digest to " + to;
        }
        return to + (a.throttleMinutes() > 0 ? ", at most one per account every " + a.throttleMinutes() + " min" : "");
    }

    private static void add(List<String> parts, String label, List<String> values) {
        if (!values.isEmpty()) {
            parts.add(label + " " + String.join(", ", values));
        }
    }
}
