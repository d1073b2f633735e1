package io.cloudward.collect.cloudtrail;

import io.cloudward.checks.events.EventSignal;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.checks.events.TrailEventClassifier;
import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * Management events since the watermark (LookupEvents, 50 a page, 2 pages a second per account and region),
 * classified one by one; only events that carry a signal leave, the routine rest is counted and dropped.
 *
 * <p>CloudTrail makes an event visible to LookupEvents up to about 15 minutes after it happened, so each
 * run reaches back that far before the watermark; the events' ids make the overlap harmless downstream.
 */
public final class CloudTrailEventsCollector extends AwsSourceCollector {

    /** How late CloudTrail may surface an event. */
    static final Duration LATE_ARRIVAL = Duration.ofMinutes(15);
    private static final int PAGE = 50;

    private final Duration firstLookBack;

    /** @param firstLookBack how far back the first run of an account × region reads (AWS keeps 90 days) */
    public CloudTrailEventsCollector(Duration firstLookBack) {
        this.firstLookBack = firstLookBack;
    }

    @Override
    public Source source() {
        return Source.CLOUDTRAIL_EVENTS;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        CloudTrailClient cloudTrail = run.clients().cloudTrail(run.sdkRegion());
        Instant end = run.now();
        Instant start = run.target().watermark().map(mark -> mark.minus(LATE_ARRIVAL)).orElse(end.minus(firstLookBack));
        String token = null;
        do {
            String pageToken = token;
            LookupEventsResponse page = run.call("cloudtrail:LookupEvents", () -> cloudTrail.lookupEvents(request -> request
                    .startTime(start).endTime(end).maxResults(PAGE).nextToken(pageToken)));
            for (Event event : page.events()) {
                TrailEvent parsed = TrailEvent.parse(event.cloudTrailEvent());
                List<EventSignal> signals = TrailEventClassifier.classify(parsed);
                if (!signals.isEmpty()) {
                    sink.trailEvent(new TrailEventFacts(run.accountId(), run.region(), event.eventId(), parsed, signals));
                }
                run.advanceWatermark(event.eventTime() == null ? parsed.eventTime().orElse(start) : event.eventTime());
            }
            run.seen(page.events().size());
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
    }
}
