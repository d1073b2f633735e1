package io.cloudward.integrations.slack;

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
 * Slack incoming webhook with Block Kit: a header, the facts as fields (at most 10 per section) and a
 * link. {@code text} is the notification fallback. Slack's mrkdwn needs &amp;, &lt; and &gt; escaped.
 */
@ApplicationScoped
public class SlackChannel implements Channel {
    private final OutboundHttp http;
    private final ObjectMapper json;

    public SlackChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.SLACK;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        return http.send("POST", m.setting("webhookUrl"), Map.of(), json.writeValueAsString(render(m)), m.timeout());
    }

    ObjectNode render(Outgoing m) {
        String headline = AlertText.headline(m);
        ObjectNode body = json.createObjectNode();
        body.put("text", escape(headline));
        ArrayNode blocks = body.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", cut(headline, 150));
        ArrayNode fields = null;
        int n = 0;
        for (Map.Entry<String, String> fact : AlertText.facts(m).entrySet()) {
            if (n++ % 10 == 0) {
                fields = blocks.addObject().put("type", "section").putArray("fields");
            }
            fields.addObject().put("type", "mrkdwn").put("text", cut("*" + escape(fact.getKey()) + "*\n" + escape(fact.getValue()), 2000));
        }
        if (m.link() != null) {
            blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                    .put("text", "<" + m.link() + "|Open in Cloudward>");
        }
        return body;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
