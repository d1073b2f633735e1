package io.cloudward.collect;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The {@code cloudward.collect.*} settings: scheduling, leases and how much runs at once. */
@ConfigMapping(prefix = "cloudward.collect")
public interface CollectionConfig {

    /** This instance's name in leases; a random one per process when unset. */
    Optional<String> instanceId();

    /** How often an instance ticks: fails overdue runs, queues due ones, claims what it has room for. */
    @WithDefault("10s")
    String tick();

    /** Whether this instance's tick creates due runs and executes runs (off in tests, which drive the worker). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How long a claimed run stays this instance's without a heartbeat. */
    @WithDefault("2M")
    Duration lease();

    /** How often a running run renews its lease (well inside {@link #lease()}). */
    @WithDefault("30S")
    Duration heartbeat();

    /** A run still running after this long is failed, whoever holds it. */
    @WithDefault("2H")
    Duration maxRunDuration();

    /** A run taken over this many times (its instances keep dying) is failed instead of tried again. */
    @WithDefault("3")
    int maxAttempts();

    /** Runs one instance executes at once. */
    @WithDefault("16")
    int runsPerInstance();

    /** Region × source collections in flight at once on one instance, across all runs. */
    @WithDefault("64")
    int collectionsPerInstance();

    /** Regions of one account collected at once. */
    @WithDefault("4")
    int regionsPerAccount();

    /** Default interval of the threat sources (GuardDuty findings, trail events). */
    @WithDefault("15M")
    Duration threatsInterval();

    /** Default interval of the posture sources (full snapshots). */
    @WithDefault("6H")
    Duration postureInterval();
}
