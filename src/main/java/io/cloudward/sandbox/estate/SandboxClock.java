package io.cloudward.sandbox.estate;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's time: the wall clock plus an offset tests can only move forward. It follows the wall
 * clock because the SDK compares session expiry with real time; advancing it expires sessions the SDK
 * still trusts, ages backups and lets new findings appear.
 */
public final class SandboxClock {

    private final Clock wall;
    private final AtomicLong offsetMillis = new AtomicLong();

    public SandboxClock() {
        this(Clock.systemUTC());
    }

    public SandboxClock(Clock wall) {
        this.wall = wall;
    }

    public Instant now() {
        return wall.instant().plusMillis(offsetMillis.get());
    }

    /** Moves the clock forward and answers the new time. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the sandbox clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
        return now();
    }

    /** This clock as a {@link Clock}, for code that reads time (collection) while tests move it. */
    public Clock asClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    public void reset() {
        offsetMillis.set(0);
    }
}
