package io.cloudward.sandbox;

import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.faults.FaultRule;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the AWS sandbox with the application when {@code cloudward.sandbox.enabled=true} and the prod profile is off.
 * In production it never starts, whatever the setting says.
 */
@ApplicationScoped
public class SandboxStarter {

    private static final Logger LOG = Logger.getLogger(SandboxStarter.class);

    private final SandboxConfig config;
    private volatile SandboxServer server;

    public SandboxStarter(SandboxConfig config) {
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        // The local run is a production build started with the dev profile, so the guard is the profile,
        // not the launch mode: under the prod profile the sandbox never starts, whatever the setting says.
        if (!config.enabled() || ConfigUtils.isProfileActive("prod")) {
            return;
        }
        SandboxSettings settings = SandboxSettings.defaults()
                .withPort(config.port())
                .withScenarios(config.scenarios())
                .withFaults(config.faults().orElse(List.of()).stream().map(FaultRule::parse).toList())
                .withLookupEventsPerSecond(config.lookupEventsPerSecond());
        if (config.generated().accounts() > 0) {
            settings = settings.withGenerated(new GeneratedEstate(config.generated().accounts(),
                    config.generated().regions().orElse(null), config.generated().seed()));
        }
        settings = new SandboxSettings(settings.bindAddress(), config.hostname(), settings.port(), settings.scenarios(),
                settings.generated(), settings.faults(), settings.lookupEventsPerSecond(), settings.seed(),
                settings.hub());
        server = SandboxServer.start(settings);
        LOG.infof("AWS sandbox at %s with %d accounts", server.endpoint(), server.estate().accountCount());
    }

    void stop(@Observes ShutdownEvent event) {
        SandboxServer running = server;
        if (running != null) {
            running.close();
        }
    }

    /** The running sandbox, when this application started one. */
    public Optional<SandboxServer> server() {
        return Optional.ofNullable(server);
    }
}
