package io.cloudward.integrations.jira;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Jira Cloud REST v3: one issue per finding fingerprint (or incident) in the configured project and issue
 * type, with an ADF description; a comment when it changes; the configured transition when it resolves;
 * when it reopens, the reopen transition if one is configured, else a new issue.
 */
@ApplicationScoped
public class JiraChannel implements Channel {
    private final OutboundHttp http;
    private final ObjectMapper json;
    private final Adf adf;

    public JiraChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
        this.adf = new Adf(json);
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.JIRA;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        if (m.test()) {
            return call(m, "GET", "/rest/api/3/project/" + URLEncoder.encode(m.setting("projectKey"), StandardCharsets.UTF_8), null);
        }
        AlertEvent event = m.event().orElseThrow();
        String key = event.ticketKey();
        Optional<Tickets.Ticket> ticket = m.tickets().find(key).filter(t -> t.externalId() != null);
        return switch (event.ticketStep()) {
            case OPEN -> {
                if (ticket.isEmpty()) {
                    yield create(m, key);
                }
                if (ticket.get().open()) {
                    yield comment(m, ticket.get());
                }
                String reopen = m.setting("reopenTransitionId");
                if (reopen == null || reopen.isBlank()) {
                    yield create(m, key);
                }
                OutboundHttp.Reply moved = transition(m, ticket.get(), reopen);
                if (!moved.ok()) {
                    yield moved;
                }
                m.tickets().save(new Tickets.Ticket(key, ticket.get().externalId(), ticket.get().ref(), true));
                yield comment(m, ticket.get());
            }
            case UPDATE -> ticket.isPresent() ? comment(m, ticket.get()) : create(m, key);
            case RESOLVE -> {
                if (ticket.isEmpty() || !ticket.get().open()) {
                    yield new OutboundHttp.Reply(204, "no open issue to resolve", null, 0);
                }
                OutboundHttp.Reply commented = comment(m, ticket.get());
                String resolve = m.setting("resolveTransitionId");
                if (!commented.ok() || resolve == null || resolve.isBlank()) {
                    yield commented;
                }
                OutboundHttp.Reply moved = transition(m, ticket.get(), resolve);
                if (moved.ok()) {
                    m.tickets().save(new Tickets.Ticket(key, ticket.get().externalId(), ticket.get().ref(), false));
                }
                yield moved;
            }
        };
    }

    private OutboundHttp.Reply create(Outgoing m, String key) throws IOException {
        ObjectNode body = json.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.putObject("project").put("key", m.setting("projectKey"));
        fields.putObject("issuetype").put("name", m.setting("issueType"));
        String summary = AlertText.headline(m);
        fields.put("summary", summary.length() > 255 ? summary.substring(0, 255) : summary);
        fields.set("description", adf.doc(summary, AlertText.facts(m), m.link()));
        fields.putArray("labels").add("cloudward");
        OutboundHttp.Reply reply = call(m, "POST", "/rest/api/3/issue", body);
        if (reply.ok()) {
            JsonNode created = json.readTree(reply.body());
            m.tickets().save(new Tickets.Ticket(key, created.path("key").asText(), created.path("self").asText(null), true));
        }
        return reply;
    }

    private OutboundHttp.Reply comment(Outgoing m, Tickets.Ticket ticket) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.set("body", adf.doc(AlertText.headline(m), AlertText.facts(m), m.link()));
        return call(m, "POST", "/rest/api/3/issue/" + ticket.externalId() + "/comment", body);
    }

    private OutboundHttp.Reply transition(Outgoing m, Tickets.Ticket ticket, String transitionId) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("transition").put("id", transitionId);
        return call(m, "POST", "/rest/api/3/issue/" + ticket.externalId() + "/transitions", body);
    }

    private OutboundHttp.Reply call(Outgoing m, String method, String path, ObjectNode body) throws IOException {
        return http.send(method, BasicAuth.join(m.setting("baseUrl"), path),
                Map.of("Authorization", BasicAuth.header(m.setting("email"), m.setting("apiToken")), "Accept", "application/json"),
                body == null ? null : json.writeValueAsString(body), m.timeout());
    }
}
