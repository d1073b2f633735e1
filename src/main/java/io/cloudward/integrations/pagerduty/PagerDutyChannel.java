package io.cloudward.integrations.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.alerts.AlertEvent;
import io.cloudward.integrations.AlertText;
import io.cloudward.integrations.Channel;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.Outgoing;
import io.cloudward.integrations.Tickets;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;

/**
 * PagerDuty Events API v2: {@code trigger} when a finding or incident opens (or changes), {@code resolve}
 * when it resolves, with the finding's fingerprint (or {@code incident:<id>}) as the stable
 * {@code dedup_key}, so PagerDuty folds repeats into one alert and the resolve closes it.
 */
@ApplicationScoped
public class PagerDutyChannel implements Channel {
    private static final int SUMMARY_MAX = 1024;

    private final OutboundHttp http;
    private final ObjectMapper json;

    public PagerDutyChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.PAGERDUTY;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        String dedupKey = m.test() ? "cloudward-test-" + m.deliveryId() : m.event().map(AlertEvent::ticketKey).orElse(null);
        boolean resolve = m.event().map(e -> e.ticketStep() == AlertEvent.TicketStep.RESOLVE).orElse(false);
        ObjectNode body = render(m, dedupKey, resolve);
        OutboundHttp.Reply reply = http.send("POST", m.setting("eventsUrl"), Map.of(), json.writeValueAsString(body), m.timeout());
        if (reply.ok() && !m.test() && dedupKey != null) {
            m.tickets().save(new Tickets.Ticket(dedupKey, dedupKey, null, !resolve));
        }
        return reply;
    }

    ObjectNode render(Outgoing m, String dedupKey, boolean resolve) {
        ObjectNode body = json.createObjectNode();
        body.put("routing_key", m.setting("routingKey"));
        body.put("event_action", resolve ? "resolve" : "trigger");
        if (dedupKey != null) {
            body.put("dedup_key", dedupKey);
        }
        if (resolve) {
            return body;
        }
        String summary = AlertText.headline(m);
        ObjectNode payload = body.putObject("payload");
        payload.put("summary", summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX) : summary);
        payload.put("source", m.event().map(e -> e.accountId() == null ? "cloudward" : "aws:" + e.accountId()
                + (e.region() == null ? "" : "/" + e.region())).orElse("cloudward"));
        payload.put("severity", severity(m.event().map(AlertEvent::severity).orElse(null)));
        payload.put("timestamp", m.event().map(e -> e.occurredAt().toString()).orElse(m.createdAt().toString()));
        m.event().ifPresent(e -> {
            if (e.resourceId() != null) {
                payload.put("component", e.resourceId());
            }
            if (e.category() != null) {
                payload.put("group", e.category());
            }
            if (e.checkId() != null) {
                payload.put("class", e.checkId());
            }
        });
        ObjectNode details = payload.putObject("custom_details");
        AlertText.facts(m).forEach(details::put);
        body.put("client", "Cloudward");
        if (m.link() != null) {
            body.put("client_url", m.link());
            body.putArray("links").addObject().put("href", m.link()).put("text", "Open in Cloudward");
        }
        return body;
    }

    /** Cloudward severity → PagerDuty's four levels. */
    static String severity(String severity) {
        if (severity == null) {
            return "info";
        }
        return switch (severity) {
            case "CRITICAL" -> "critical";
            case "HIGH" -> "error";
            case "MEDIUM" -> "warning";
            default -> "info";
        };
    }
}
