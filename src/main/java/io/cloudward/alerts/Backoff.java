package io.cloudward.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential ({@code base × 2^(attempt-1)}, capped) with jitter
 * (a random point in the upper half, so receivers that come back are not hit by every sender at once),
 * and never sooner than the receiver's {@code Retry-After} (seconds or an HTTP date).
 */
public final class Backoff {
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(6);

    private Backoff() {
    }

    public static Duration delay(int attempt, Duration base, Duration max, String retryAfter, Instant now) {
        long exp = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(exp <= 0 ? max.toMillis() : exp, max.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        Duration asked = retryAfter(retryAfter, now);
        return asked != null && asked.compareTo(wait) > 0 ? asked : wait;
    }

    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }
}
