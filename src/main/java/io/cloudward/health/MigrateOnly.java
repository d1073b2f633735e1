package io.cloudward.health;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code CLOUDWARD_MIGRATE_ONLY=true}: the deployment's migration Job. Flyway has run by the time the
 * application starts; exit at once instead of serving, so the Job completes.
 */
@ApplicationScoped
public class MigrateOnly {
    private static final Logger LOG = Logger.getLogger(MigrateOnly.class);

    void onStart(@Observes @Priority(1) StartupEvent event,
                 @ConfigProperty(name = "cloudward.migrate-only", defaultValue = "false") boolean migrateOnly) {
        if (migrateOnly) {
            LOG.info("migrations applied; exiting (cloudward.migrate-only)");
            Quarkus.asyncExit(0);
        }
    }
}
