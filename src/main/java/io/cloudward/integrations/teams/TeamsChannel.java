package io.cloudward.integrations.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.integrations.AlertText;
import io.cloudward.integrations.Channel;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.Map;

/**
 * Microsoft Teams incoming webhook (or Workflows webhook): an Adaptive Card 1.4 in the {@code message}
 * envelope's {@code attachments}. TextBlocks render a Markdown subset, so untrusted text goes into a
 * FactSet value or is escaped.
 */
@ApplicationScoped
public class TeamsChannel implements Channel {
    private final OutboundHttp http;
    private final ObjectMapper json;

    public TeamsChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.TEAMS;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        return http.send("POST", m.setting("webhookUrl"), Map.of(), json.writeValueAsString(render(m)), m.timeout());
    }

    ObjectNode render(Outgoing m) {
        ObjectNode message = json.createObjectNode().put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", escape(AlertText.headline(m))).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
        AlertText.facts(m).forEach((k, v) -> facts.addObject().put("title", k).put("value", escape(v)));
        if (m.link() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Cloudward").put("url", m.link());
        }
        return message;
    }

    /** Adaptive Card text is Markdown: keep untrusted text literal. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]#>])", "\\\\$1");
    }
}
