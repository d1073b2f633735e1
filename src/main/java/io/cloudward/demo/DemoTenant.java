package io.cloudward.demo;

import io.cloudward.tenancy.Members;
import io.cloudward.tenancy.Role;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantDirectory;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * The demo tenant of the local run: "Demo Corp" with the realm's demo people (alice OWNER, bob ANALYST,
 * carol VIEWER). Created once, at start-up, when {@code cloudward.demo.enabled} is on (never in prod).
 */
@ApplicationScoped
public class DemoTenant {
    private static final Logger LOG = Logger.getLogger(DemoTenant.class);
    public static final UUID ID = UUID.fromString("d3e00000-0000-4000-8000-00000000d3e0");
    public static final String SLUG = "demo";

    record DemoPerson(String subject, String email, String name, Role role) {
    }

    /** The fixed Keycloak ids of the demo users in src/main/keycloak/cloudward-realm.json. */
    static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("a11ce000-0000-4000-8000-000000000001", "alice@demo.cloudward.dev", "Alice Owner", Role.OWNER),
            new DemoPerson("b0b00000-0000-4000-8000-000000000002", "bob@demo.cloudward.dev", "Bob Analyst", Role.ANALYST),
            new DemoPerson("ca701000-0000-4000-8000-000000000003", "carol@demo.cloudward.dev", "Carol Viewer", Role.VIEWER));

    private final boolean enabled;
    private final TenantDirectory directory;
    private final TenantRunner runner;
    private final TenantRepository tenants;
    private final Members members;

    public DemoTenant(@ConfigProperty(name = "cloudward.demo.enabled", defaultValue = "false") boolean enabled,
                      TenantDirectory directory, TenantRunner runner, TenantRepository tenants, Members members) {
        this.enabled = enabled;
        this.directory = directory;
        this.runner = runner;
        this.tenants = tenants;
        this.members = members;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled || directory.slugTaken(SLUG)) {
            return;
        }
        runner.run(TenantRunner.system(ID, "demo"), () -> {
            tenants.persist(Tenant.create(ID, SLUG, "Demo Corp"));
            tenants.flush();
            PEOPLE.forEach(p -> members.add(p.subject(), p.email(), p.name(), p.role()));
        });
        LOG.infof("created the demo tenant %s (%s)", SLUG, ID);
    }
}
