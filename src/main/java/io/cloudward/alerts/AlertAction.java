package io.cloudward.alerts;

import java.util.List;
import java.util.UUID;

/**
 * What a matching rule does.
 *
 * @param destinationIds  where to send
 * @param allDestinations send to every enabled destination instead (the default rules do, so they work
 *                        as soon as the tenant adds its first destination)
 * @param throttleMinutes at most one message per rule × account in this many minutes; the events held
 *                        back are counted in the next message (0: no throttle)
 * @param digest          instead of one message per event, a summary per period (ticketing destinations
 *                        take no digests)
 */
public record AlertAction(List<UUID> destinationIds, boolean allDestinations, int throttleMinutes, Digest digest) {
    public enum Digest { HOURLY, DAILY }

    public AlertAction {
        destinationIds = destinationIds == null ? List.of() : List.copyOf(destinationIds);
    }
}
