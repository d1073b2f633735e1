package io.cloudward.sandbox;

import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.faults.FaultRule;
import io.cloudward.sandbox.identity.HubPrincipal;
import java.util.List;
import java.util.Objects;

/**
 * How to run the sandbox.
 *
 * @param bindAddress           the address to listen on (loopback by default: the admin API trusts loopback)
 * @param hostname              the host name in the endpoint URL; S3 Control calls {@code <account>.<hostname>}
 * @param port                  the port (0 for any free one)
 * @param scenarios             bundled scenario names ({@code codespaces}, …) or estate file paths to load
 * @param generated             a generated population to add ({@code null} for none)
 * @param faults                faults in force from the start
 * @param lookupEventsPerSecond CloudTrail LookupEvents allowance per account and region (AWS: 2; 0: unlimited)
 * @param seed                  seed of the activity of loaded accounts as the clock advances
 * @param hub                   the identity Cloudward runs as
 */
public record SandboxSettings(String bindAddress, String hostname, int port, List<String> scenarios,
                              GeneratedEstate generated, List<FaultRule> faults, double lookupEventsPerSecond,
                              long seed, HubPrincipal hub) {

    public static final List<String> ALL_SCENARIOS = List.of("codespaces", "exposed-db", "blind-spots", "well-run");
    public static final int DEFAULT_PORT = 4566;

    public SandboxSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostname, "hostname");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0–65535");
        }
        scenarios = List.copyOf(scenarios);
        faults = List.copyOf(faults);
        Objects.requireNonNull(hub, "hub");
    }

    /** Port 4566 on loopback, the four bundled scenarios, AWS's LookupEvents limit, the default hub. */
    public static SandboxSettings defaults() {
        return new SandboxSettings("127.0.0.1", "localhost", DEFAULT_PORT, ALL_SCENARIOS, null, List.of(), 2.0, 42,
                HubPrincipal.DEFAULT);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(bindAddress, hostname, newPort, scenarios, generated, faults, lookupEventsPerSecond,
                seed, hub);
    }

    public SandboxSettings withScenarios(List<String> newScenarios) {
        return new SandboxSettings(bindAddress, hostname, port, newScenarios, generated, faults, lookupEventsPerSecond,
                seed, hub);
    }

    public SandboxSettings withGenerated(GeneratedEstate newGenerated) {
        return new SandboxSettings(bindAddress, hostname, port, scenarios, newGenerated, faults, lookupEventsPerSecond,
                seed, hub);
    }

    public SandboxSettings withFaults(List<FaultRule> newFaults) {
        return new SandboxSettings(bindAddress, hostname, port, scenarios, generated, newFaults, lookupEventsPerSecond,
                seed, hub);
    }

    public SandboxSettings withLookupEventsPerSecond(double perSecond) {
        return new SandboxSettings(bindAddress, hostname, port, scenarios, generated, faults, perSecond, seed, hub);
    }

    public SandboxSettings withSeed(long newSeed) {
        return new SandboxSettings(bindAddress, hostname, port, scenarios, generated, faults, lookupEventsPerSecond,
                newSeed, hub);
    }
}
