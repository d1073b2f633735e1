package io.cloudward.alerts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.integrations.Channels;
import io.cloudward.integrations.OutboundHttp;
import io.cloudward.integrations.Outgoing;
import io.cloudward.integrations.SecretBox;
import io.cloudward.integrations.Tickets;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One attempt at one delivery: opens the destination's secrets, renders through its channel, classifies the answer. */
@ApplicationScoped
public class Deliverer {
    private final Channels channels;
    private final SecretBox box;
    private final ObjectMapper json;
    private final String baseUrl;

    public Deliverer(Channels channels, SecretBox box, ObjectMapper json,
                     @ConfigProperty(name = "cloudward.base-url", defaultValue = "") String baseUrl) {
        this.channels = channels;
        this.box = box;
        this.json = json;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Attempt attempt(DeliveryStore.DestinationRow d, UUID deliveryId, String kind, String payloadJson, String ruleName,
                           int extraCount, Instant createdAt, Tickets tickets) {
        long start = System.nanoTime();
        Map<String, String> secrets = Map.of();
        try {
            secrets = box.open(d.tenantId(), d.id(), d.secrets());
            Map<String, String> settings = new LinkedHashMap<>(json.readValue(d.settings(), new TypeReference<Map<String, String>>() { }));
            settings.putAll(secrets);
            JsonNode payload = json.readTree(payloadJson);
            Optional<AlertEvent> event = payload.hasNonNull("event") ? Optional.of(AlertEvent.of(payload.get("event"))) : Optional.empty();
            Outgoing message = new Outgoing(deliveryId, kind, event, payload, ruleName, extraCount, settings,
                    Duration.ofSeconds(d.timeoutSeconds()), createdAt, tickets, event.map(this::link).orElse(null));
            OutboundHttp.Reply reply = channels.of(d.kind()).send(message);
            return Attempt.of(reply, secrets.values());
        } catch (IOException | RuntimeException e) {
            return Attempt.of(e, (System.nanoTime() - start) / 1_000_000, secrets.values());
        }
    }

    /** Where the finding or incident is in Cloudward's web app. */
    String link(AlertEvent e) {
        if (baseUrl.isEmpty()) {
            return null;
        }
        if (e.isFinding() && e.data().hasNonNull("findingId")) {
            return baseUrl + "/findings/" + e.data().get("findingId").asText();
        }
        if (e.isIncident() && e.data().hasNonNull("incidentId")) {
            return baseUrl + "/incidents/" + e.data().get("incidentId").asText();
        }
        return null;
    }
}
