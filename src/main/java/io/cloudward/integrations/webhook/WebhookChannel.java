package io.cloudward.integrations.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.integrations.Channel;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.Outgoing;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A generic signed JSON webhook: the delivery's payload plus its id and kind. */
@ApplicationScoped
public class WebhookChannel implements Channel {
    private final OutboundHttp http;
    private final ObjectMapper json;

    public WebhookChannel(OutboundHttp http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public DestinationKind kind() {
        return DestinationKind.WEBHOOK;
    }

    @Override
    public OutboundHttp.Reply send(Outgoing m) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("deliveryId", m.deliveryId().toString());
        body.put("kind", m.kind());
        body.put("heldBack", m.extraCount());
        if (m.link() != null) {
            body.put("link", m.link());
        }
        body.setAll((ObjectNode) m.payload());
        String text = json.writeValueAsString(body);
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cloudward-Timestamp", Long.toString(timestamp));
        headers.put("Idempotency-Key", m.deliveryId().toString());
        String secret = m.setting("signingSecret");
        if (secret != null) {
            headers.put("Cloudward-Signature", WebhookSignature.header(secret, timestamp, text));
        }
        return http.send("POST", m.setting("url"), headers, text, m.timeout());
    }
}
