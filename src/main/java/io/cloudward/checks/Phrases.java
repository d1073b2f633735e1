package io.cloudward.checks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small helpers that keep result sentences readable and consistent. */
public final class Phrases {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Phrases() {
    }

    /** "3 days", "1 hour", "less than an hour". */
    public static String age(Duration duration) {
        long days = duration.toDays();
        if (days >= 2) {
            return days + " days";
        }
        long hours = duration.toHours();
        if (hours >= 1) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return "less than an hour";
    }

    /** "3 days ago" measured from {@code now}. */
    public static String ago(Instant then, Instant now) {
        return age(Duration.between(then, now)) + " ago";
    }

    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /** "a", "a and b", "a, b and c", "a, b, c and 4 more" when there are more than {@code max}. */
    public static String list(List<String> items, int max) {
        if (items.isEmpty()) {
            return "";
        }
        List<String> shown = items.size() > max ? items.subList(0, max) : items;
        int hidden = items.size() - shown.size();
        if (hidden > 0) {
            return String.join(", ", shown) + " and " + hidden + " more";
        }
        if (shown.size() == 1) {
            return shown.getFirst();
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
    }

    /** "1 user", "3 users". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
