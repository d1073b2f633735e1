package io.cloudward.integrations.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.alerts.AlertEvent;
import io.cloudward.integrations.AlertText;
import io.cloudward.integrations.BasicAuth;
import io.cloudward.integrations.Channel;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.Outgoing;
import io.cloudward.integrations.Tickets;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * ServiceNow Table API: an incident per finding fingerprint (or incident) with urgency and impact from
 * the severity and the fingerprint as {@code correlation_id}; work notes when it changes; state 6
 * (Resolved) with the configured close code when it resolves; a new incident when it reopens.
 */
@ApplicationScoped
public class ServiceNowChannel implements Channel {
    static final String TABLE = "/api/now/table/incident";

    private final OutboundHttp http;
    private final ObjectMapper json;

    public ServiceNowChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.SERVICENOW;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        if (m.test()) {
            return call(m, "GET", TABLE + "?sysparm_limit=1&sysparm_fields=sys_id", null);
        }
        AlertEvent event = m.event().orElseThrow();
        String key = event.ticketKey();
        Optional<Tickets.Ticket> ticket = m.tickets().find(key).filter(t -> t.externalId() != null);
        String notes = String.join("\n", AlertText.lines(m));
        return switch (event.ticketStep()) {
            case OPEN -> ticket.isPresent() && ticket.get().open() ? workNotes(m, ticket.get(), notes) : create(m, key, event, notes);
            case UPDATE -> ticket.isPresent() ? workNotes(m, ticket.get(), notes) : create(m, key, event, notes);
            case RESOLVE -> {
                if (ticket.isEmpty() || !ticket.get().open()) {
                    yield new OutboundHttp.Reply(204, "no open incident to resolve", null, 0);
                }
                ObjectNode body = json.createObjectNode().put("state", "6").put("close_code", m.setting("closeCode"))
                        .put("close_notes", AlertText.headline(m)).put("work_notes", notes);
                OutboundHttp.Reply reply = call(m, "PATCH", TABLE + "/" + ticket.get().externalId(), body);
                if (reply.ok()) {
                    m.tickets().save(new Tickets.Ticket(key, ticket.get().externalId(), ticket.get().ref(), false));
                }
                yield reply;
            }
        };
    }

    private OutboundHttp.Reply create(Outgoing m, String key, AlertEvent event, String notes) throws IOException {
        String summary = AlertText.headline(m);
        ObjectNode body = json.createObjectNode();
        body.put("short_description", summary.length() > 160 ? summary.substring(0, 160) : summary);
        body.put("description", notes);
        body.put("urgency", urgency(event.severity()));
        body.put("impact", impact(event.severity()));
        body.put("correlation_id", key);
        body.put("correlation_display", "Cloudward");
        String group = m.setting("assignmentGroup");
        if (group != null && !group.isBlank()) {
            body.put("assignment_group", group);
        }
        OutboundHttp.Reply reply = call(m, "POST", TABLE, body);
        if (reply.ok()) {
            JsonNode result = json.readTree(reply.body()).path("result");
            m.tickets().save(new Tickets.Ticket(key, result.path("sys_id").asText(), result.path("number").asText(null), true));
        }
        return reply;
    }

    private OutboundHttp.Reply workNotes(Outgoing m, Tickets.Ticket ticket, String notes) throws IOException {
        return call(m, "PATCH", TABLE + "/" + ticket.externalId(), json.createObjectNode().put("work_notes", notes));
    }

    private OutboundHttp.Reply call(Outgoing m, String method, String path, ObjectNode body) throws IOException {
        return http.send(method, BasicAuth.join(m.setting("instanceUrl"), path),
                Map.of("Authorization", BasicAuth.header(m.setting("username"), m.setting("password")), "Accept", "application/json"),
                body == null ? null : json.writeValueAsString(body), m.timeout());
    }

    /** 1 high, 2 medium, 3 low. */
    static String urgency(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL", "HIGH" -> "1";
            case "MEDIUM" -> "2";
            default -> "3";
        };
    }

    static String impact(String severity) {
        return switch (severity == null ? "" : severity) {
            case "CRITICAL" -> "1";
            case "HIGH", "MEDIUM" -> "2";
            default -> "3";
        };
    }
}
