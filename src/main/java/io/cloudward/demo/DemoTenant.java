package io.cloudward.demo;

import io.cloudward.tenancy.Members;
import io.cloudward.tenancy.Role;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantDirectory;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.onboarding.Onboarding;
import io.cloudward.sandbox.SandboxStarter;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
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
    private final AwsAccounts accounts;
    private final Onboarding onboarding;
    private final SandboxStarter sandbox;

    /** The sandbox's scenario accounts (src/main/resources/sandbox/scenarios) and their roles' fixed ExternalIds. */
    record DemoAccount(String accountId, String name, String externalId) {
        String roleArn() {
            return "arn:aws:iam::" + accountId + ":role/CloudwardSecurityAudit";
        }
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("111111111111", "codespaces", "cw-codespaces-5f2c9a71e4"),
            new DemoAccount("222222222222", "exposed-db", "cw-exposed-db-8e41d07b3c"),
            new DemoAccount("333333333333", "blind-spots", "cw-blind-spots-2a9d6f18b0"),
            new DemoAccount("444444444444", "well-run", "cw-well-run-7c3e5b92d4"));

    public DemoTenant(@ConfigProperty(name = "cloudward.demo.enabled", defaultValue = "false") boolean enabled,
                      TenantDirectory directory, TenantRunner runner, TenantRepository tenants, Members members,
                      AwsAccounts accounts, Onboarding onboarding, SandboxStarter sandbox) {
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.sandbox = sandbox;
        this.enabled = enabled;
        this.directory = directory;
        this.runner = runner;
        this.tenants = tenants;
        this.members = members;
    }

    /** After the sandbox has started (observers run in priority order). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        if (!enabled) {
            return;
        }
        if (!directory.slugTaken(SLUG)) {
            runner.run(TenantRunner.system(ID, "demo"), () -> {
                tenants.persist(Tenant.create(ID, SLUG, "Demo Corp"));
                tenants.flush();
                PEOPLE.forEach(p -> members.add(p.subject(), p.email(), p.name(), p.role()));
            });
            LOG.infof("created the demo tenant %s (%s)", SLUG, ID);
        }
        if (sandbox.server().isPresent()) {
            connectScenarioAccounts();
        }
    }

    /** Connects the sandbox's scenario accounts through the real verification, once. */
    private void connectScenarioAccounts() {
        runner.run(TenantRunner.system(ID, "demo"), () -> {
            for (DemoAccount account : ACCOUNTS) {
                if (accounts.byAccountId(account.accountId()).isEmpty()) {
                    var connected = onboarding.connectSandboxScenario(account.roleArn(), account.externalId(), account.name());
                    LOG.infof("demo: connected %s (%s): %s", account.name(), account.accountId(), connected.status);
                }
            }
        });
    }
}
