package io.cloudward.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed-window request budget per caller (API token or person). Budgets are kept per instance: with N
 * replicas a caller can make up to N times the limit, which the limit's default allows for; it protects
 * each instance, not a billing quota.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome for one request: whether it may go on, and what to tell the caller. */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private record Window(long start, int used) {
    }

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(@ConfigProperty(name = "cloudward.api.rate-limit.per-minute", defaultValue = "600") int perMinute) {
        this.perMinute = perMinute;
    }

    public Decision take(String caller) {
        long now = System.currentTimeMillis();
        long windowStart = now - now % 60_000;
        Window window = windows.compute(caller, (key, current) ->
                current == null || current.start() != windowStart ? new Window(windowStart, 1) : new Window(windowStart, current.used() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().start() != windowStart);
        }
        long reset = Math.max(1, (windowStart + 60_000 - now + 999) / 1000);
        return new Decision(window.used() <= perMinute, perMinute, Math.max(0, perMinute - window.used()), reset);
    }
}
