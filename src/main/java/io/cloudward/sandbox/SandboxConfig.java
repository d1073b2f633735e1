package io.cloudward.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** The {@code cloudward.sandbox.*} settings of the application (see application.properties). */
@ConfigMapping(prefix = "cloudward.sandbox")
public interface SandboxConfig {

    /** Start the sandbox with the application (dev and test only; never in production). */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("4566")
    int port();

    @WithDefault("localhost")
    String hostname();

    /** Bundled scenario names or estate file paths. */
    @WithDefault("codespaces,exposed-db,blind-spots,well-run")
    List<String> scenarios();

    Generated generated();

    /** Fault rules in force from the start, e.g. {@code throttle service=guardduty rate=0.5}. */
    Optional<List<String>> faults();

    /** CloudTrail LookupEvents allowance per account and region (AWS: 2; 0 for unlimited). */
    @WithDefault("2")
    double lookupEventsPerSecond();

    /** A generated population on top of the scenarios. */
    interface Generated {

        @WithDefault("0")
        int accounts();

        Optional<List<String>> regions();

        @WithDefault("42")
        long seed();
    }
}
