package io.cloudward.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudward.alerts.AlertEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One message for one destination, as a {@link Channel} renders and sends it.
 *
 * @param kind       EVENT (a rule matched), FOLLOW_UP (a ticket follows its finding), DIGEST or TEST
 * @param event      the event, for EVENT and FOLLOW_UP
 * @param payload    what is stored on the delivery: {@code {rule, event}}, {@code {rule, digest}} or {@code {test}}
 * @param extraCount events of the same rule and account held back by the throttle since the last message
 * @param settings   the destination's settings, secrets opened
 * @param tickets    the destination's ticket links (ticketing kinds)
 * @param link       where the finding or incident is in Cloudward
 */
public record Outgoing(UUID deliveryId, String kind, Optional<AlertEvent> event, JsonNode payload, String ruleName,
                       int extraCount, Map<String, String> settings, Duration timeout, Instant createdAt, Tickets tickets,
                       String link) {

    public String setting(String name) {
        return settings.get(name);
    }

    public boolean test() {
        return kind.equals("TEST");
    }

    public boolean digest() {
        return kind.equals("DIGEST");
    }
}
