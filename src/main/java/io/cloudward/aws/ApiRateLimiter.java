package io.cloudward.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side limits per account × region × API where AWS enforces a known low rate (CloudTrail
 * LookupEvents: 2 requests a second per account and region). Calls are spaced evenly, so the SDK rarely
 * sees a throttle and its retries stay for real congestion. Callers block; on virtual threads that is cheap.
 */
public final class ApiRateLimiter {

    /** AWS's documented limits, by IAM action. */
    public static final Map<String, Double> AWS_LIMITS = Map.of("cloudtrail:LookupEvents", 2.0);

    private final Map<String, Double> perSecond;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final long spacingNanos;
        long nextNanos;

        Lane(double perSecond) {
            this.spacingNanos = (long) (1e9 / perSecond);
            this.nextNanos = System.nanoTime();
        }
    }

    public ApiRateLimiter(Map<String, Double> perSecond) {
        this.perSecond = Map.copyOf(perSecond);
    }

    public static ApiRateLimiter awsLimits() {
        return new ApiRateLimiter(AWS_LIMITS);
    }

    /** Waits until {@code action} may be called in this account and region; immediate for unlimited APIs. */
    public void acquire(String accountId, String region, String action) throws InterruptedException {
        Double rate = perSecond.get(action);
        if (rate == null) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(accountId + '/' + region + '/' + action, key -> new Lane(rate));
        long wait;
        lane.lock.lock();
        try {
            long now = System.nanoTime();
            long slot = Math.max(now, lane.nextNanos);
            lane.nextNanos = slot + lane.spacingNanos;
            wait = slot - now;
        } finally {
            lane.lock.unlock();
        }
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }
}
