package io.cloudward.sandbox;

import io.cloudward.sandbox.estate.Estate;
import io.cloudward.sandbox.estate.EstateReader;
import io.cloudward.sandbox.estate.SandboxClock;
import io.cloudward.sandbox.faults.Faults;
import io.cloudward.sandbox.http.SandboxHttpServer;
import io.cloudward.sandbox.identity.CredentialStore;
import io.cloudward.sandbox.identity.HubPrincipal;
import io.cloudward.sandbox.services.ServiceContext;
import java.net.URI;

/**
 * A running AWS sandbox: one HTTP endpoint speaking the AWS wire protocols over a simulated multi-account
 * estate. The AWS SDK and CLI work against it with only the endpoint changed.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withPort(0))) {
 *     URI endpoint = sandbox.endpoint();
 *     HubPrincipal hub = sandbox.hubCredentials();
 *     sandbox.clock().advance(Duration.ofHours(2));
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {

    private final SandboxSettings settings;
    private final SandboxClock clock = new SandboxClock();
    private final Estate estate;
    private final Faults faults = new Faults();
    private final CredentialStore credentials;
    private final SandboxHttpServer http;

    private SandboxServer(SandboxSettings settings) {
        this.settings = settings;
        this.estate = new Estate(clock, settings.seed());
        this.credentials = new CredentialStore(settings.hub());
        loadInitialEstate();
        ServiceContext context = new ServiceContext(estate, clock, credentials, settings.hub());
        this.http = SandboxHttpServer.start(settings.bindAddress(), settings.port(), context, faults,
                settings.lookupEventsPerSecond(), () -> endpoint().toString(), this::reset);
    }

    /** Loads the configured estate and starts serving it. */
    public static SandboxServer start(SandboxSettings settings) {
        return new SandboxServer(settings);
    }

    /** The endpoint to give the SDK or the CLI, e.g. {@code http://localhost:4566}. */
    public URI endpoint() {
        return URI.create("http://" + settings.hostname() + ":" + http.port());
    }

    public HubPrincipal hubCredentials() {
        return settings.hub();
    }

    public Estate estate() {
        return estate;
    }

    public SandboxClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Back to the start: the configured estate reloaded, clock, faults and sessions cleared. */
    public synchronized void reset() {
        clock.reset();
        faults.clear();
        credentials.clearSessions();
        estate.clear();
        loadInitialEstate();
    }

    @Override
    public void close() {
        http.close();
    }

    private void loadInitialEstate() {
        for (String scenario : settings.scenarios()) {
            estate.load(EstateReader.scenarioOrFile(scenario, clock.now()));
        }
        if (settings.generated() != null) {
            estate.generate(settings.generated());
        }
        settings.faults().forEach(faults::add);
    }
}
