package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.EventResource;
import io.cloudward.sandbox.estate.RegionView;
import io.cloudward.sandbox.estate.TrailEvent;
import io.cloudward.sandbox.protocol.AwsError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * LookupEvents over a region's event history, newest first, 90 days back at most. Routine events are
 * computed hour by hour while walking back, so the history costs no memory; the page token remembers
 * the last event returned (time and id), so new events arriving between pages do not shift the pages.
 */
final class EventLookup {

    static final Duration RETENTION = Duration.ofDays(90);
    private static final Comparator<TrailEvent> NEWEST_FIRST =
            Comparator.comparing(TrailEvent::time).thenComparing(TrailEvent::id).reversed();

    /** A {@code LookupAttributes} entry. */
    record Attribute(String key, String value) {
    }

    record Page(List<TrailEvent> events, String nextToken) {
    }

    private EventLookup() {
    }

    static Page lookup(RegionView view, Instant now, Attribute attribute, Instant startTime, Instant endTime,
                       int max, String token) {
        Instant start = startTime == null || startTime.isBefore(now.minus(RETENTION)) ? now.minus(RETENTION) : startTime;
        Instant end = endTime == null || endTime.isAfter(now) ? now : endTime;
        String fingerprint = Objects.toString(attribute) + startTime + endTime;
        Cursor cursor = token == null ? null : Cursor.decode(token, fingerprint);
        List<TrailEvent> explicit = view.spec().eventsOrEmpty().stream()
                .filter(event -> !event.time().isBefore(start) && !event.time().isAfter(end))
                .sorted(NEWEST_FIRST)
                .toList();
        Function<TrailEvent, Boolean> wanted = event -> !event.time().isBefore(start) && !event.time().isAfter(end)
                && (cursor == null || cursor.before(event)) && matches(event, attribute);
        List<TrailEvent> found = new ArrayList<>(max + 1);
        if (!view.hasRoutineEvents()) {
            explicit.stream().filter(wanted::apply).limit(max + 1L).forEach(found::add);
            return page(found, max, fingerprint);
        }
        long hourMillis = Duration.ofHours(1).toMillis();
        Instant walkFrom = cursor == null || cursor.time().isAfter(end) ? end : cursor.time();
        long firstHour = Math.floorDiv(walkFrom.toEpochMilli() - view.anchor().toEpochMilli(), hourMillis);
        long lastHour = Math.floorDiv(start.toEpochMilli() - view.anchor().toEpochMilli(), hourMillis);
        for (long hour = firstHour; hour >= lastHour && found.size() <= max; hour--) {
            Instant hourStart = view.anchor().plusMillis(hour * hourMillis);
            Instant hourEnd = hourStart.plusMillis(hourMillis);
            List<TrailEvent> inHour = new ArrayList<>(view.routineEvents(hour));
            for (TrailEvent event : explicit) {
                if (!event.time().isBefore(hourStart) && event.time().isBefore(hourEnd)) {
                    inHour.add(event);
                }
            }
            inHour.sort(NEWEST_FIRST);
            for (TrailEvent event : inHour) {
                if (wanted.apply(event)) {
                    found.add(event);
                }
            }
        }
        found.sort(NEWEST_FIRST);
        return page(found, max, fingerprint);
    }

    /** The first {@code max} of {@code found} (newest first), with a token when there is more. */
    private static Page page(List<TrailEvent> found, int max, String fingerprint) {
        if (found.size() <= max) {
            return new Page(found, null);
        }
        List<TrailEvent> page = found.subList(0, max);
        TrailEvent last = page.get(max - 1);
        return new Page(List.copyOf(page), new Cursor(last.time(), last.id()).encode(fingerprint));
    }

    private static boolean matches(TrailEvent event, Attribute attribute) {
        if (attribute == null) {
            return true;
        }
        String value = attribute.value();
        return switch (attribute.key()) {
            case "EventId" -> event.id().equals(value);
            case "EventName" -> event.name().equals(value);
            case "ReadOnly" -> String.valueOf(event.readOnly()).equals(value);
            case "Username" -> CloudTrailRecord.username(event).equals(value);
            case "EventSource" -> event.source().equals(value);
            case "AccessKeyId" -> value.equals(event.accessKeyId());
            case "ResourceType" -> event.resources().stream().map(EventResource::type).anyMatch(value::equals);
            case "ResourceName" -> event.resources().stream().map(EventResource::name).anyMatch(value::equals);
            default -> throw new AwsError("InvalidLookupAttributesException", 400,
                    "The attribute key " + attribute.key() + " is not valid.");
        };
    }

    private record Cursor(Instant time, String id) {

        boolean before(TrailEvent event) {
            int byTime = event.time().compareTo(time);
            return byTime < 0 || byTime == 0 && event.id().compareTo(id) < 0;
        }

        String encode(String fingerprint) {
            String raw = time.toEpochMilli() + "|" + id + "|" + Integer.toHexString(fingerprint.hashCode());
            return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token, String fingerprint) {
            try {
                String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                if (parts.length == 3 && parts[2].equals(Integer.toHexString(fingerprint.hashCode()))) {
                    return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1]);
                }
            } catch (IllegalArgumentException malformed) {
                throw invalidToken();
            }
            throw invalidToken();
        }

        private static AwsError invalidToken() {
            return new AwsError("InvalidNextTokenException", 400, "Invalid NextToken");
        }
    }
}
