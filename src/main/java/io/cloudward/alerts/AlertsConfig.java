package io.cloudward.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/** {@code cloudward.alerts.*}: the routing consumer, the delivery worker and outbound safety. */
@ConfigMapping(prefix = "cloudward.alerts")
public interface AlertsConfig {

    /** The routing consumer (Kafka group {@code cloudward-alerts}); off in tests that do not need it. */
    @WithDefault("true")
    boolean consumerEnabled();

    /** The delivery worker; runs on every instance (rows are claimed with skip locked). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often an idle worker looks for due deliveries. */
    @WithDefault("PT0.5S")
    Duration workerPoll();

    /** Deliveries claimed at once; they are sent in parallel. */
    @WithDefault("32")
    int workerBatch();

    /** A claimed delivery whose worker died is claimed again after this. */
    @WithDefault("PT2M")
    Duration lease();

    /** Attempts before a delivery is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry's delay; doubled per attempt, with jitter, up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration baseBackoff();

    @WithDefault("PT30M")
    Duration maxBackoff();

    Outbound outbound();

    interface Outbound {
        /** Plain http to loopback receivers: only %dev and %test. */
        @WithDefault("false")
        boolean allowLoopbackHttp();

        /** Fixed DNS answers, name to address (tests); the answers are still checked. */
        Map<String, String> hosts();
    }
}
