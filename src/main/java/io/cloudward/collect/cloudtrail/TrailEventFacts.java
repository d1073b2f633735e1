package io.cloudward.collect.cloudtrail;

import io.cloudward.checks.events.EventSignal;
import io.cloudward.checks.events.TrailEvent;
import java.util.List;
import java.util.Objects;

/**
 * One CloudTrail event that means something for security, as LookupEvents returned it.
 *
 * @param accountId the account
 * @param region    the region it was looked up in
 * @param eventId   EventId: stable, so a re-read (watermark overlap) is recognised
 * @param event     the parsed record (CloudTrailEvent)
 * @param signals   what it means, at least one
 */
public record TrailEventFacts(String accountId, String region, String eventId, TrailEvent event,
                              List<EventSignal> signals) {

    public TrailEventFacts {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(event, "event");
        signals = List.copyOf(signals);
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("Event " + eventId + " carries no signal; it is not a fact worth keeping");
        }
    }
}
