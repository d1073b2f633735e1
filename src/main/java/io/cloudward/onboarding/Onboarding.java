package io.cloudward.onboarding;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.ProblemException;
import io.cloudward.aws.AwsConfig;
import io.cloudward.aws.HubIdentity;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Connecting an account: an ExternalId first, then the customer's role verified before anything is stored
 * (a role that fails leaves nothing behind), then the account with its per-capability status. Also the
 * lifecycle after: re-verification, region coverage, ExternalId rotation and removal.
 */
@ApplicationScoped
public class Onboarding {

    /** How long a generated ExternalId waits for its stack. */
    static final Duration INTENT_LIFETIME = Duration.ofDays(30);
    /** Longest time a removed account's data may be kept. */
    static final int MAX_RETENTION_DAYS = 365;

    private final TenantContext tenant;
    private final AwsAccounts accounts;
    private final RoleVerifier verifier;
    private final HubIdentity hub;
    private final AwsConfig config;
    private final AuditLog audit;
    private final Event<AccountConnected> connected;
    private final Event<TrustFindingRecorder.RoleVerified> verified;
    private final EntityManager em;

    public Onboarding(TenantContext tenant, AwsAccounts accounts, RoleVerifier verifier, HubIdentity hub,
                      AwsConfig config, AuditLog audit, Event<AccountConnected> connected,
                      Event<TrustFindingRecorder.RoleVerified> verified, EntityManager em) {
        this.verified = verified;
        this.em = em;
        this.tenant = tenant;
        this.accounts = accounts;
        this.verifier = verifier;
        this.hub = hub;
        this.config = config;
        this.audit = audit;
        this.connected = connected;
    }

    /** Fired after an account is connected (or reconnected), so its first scan can start at once. */
    public record AccountConnected(UUID tenantId, UUID accountId) {
    }

    /** Step 1: a fresh ExternalId for a stack the customer is about to create. */
    @Transactional
    public ConnectionIntent startConnection(ConnectionIntent.Kind kind) {
        ConnectionIntent intent = new ConnectionIntent();
        intent.id = UUID.randomUUID();
        intent.kind = kind;
        intent.externalId = ExternalIds.generate();
        intent.createdBy = tenant.require().display();
        intent.expiresAt = Instant.now().plus(INTENT_LIFETIME);
        em.persist(intent);
        audit.describe("connection-intent", intent.id, Map.of("kind", kind.name()));
        return intent;
    }

    public ConnectionIntent intent(UUID id) {
        return Optional.ofNullable(em.find(ConnectionIntent.class, id))
                .filter(i -> i.expiresAt.isAfter(Instant.now()))
                .orElseThrow(() -> ProblemException.notFound("The connection (it may have expired; start again)"));
    }

    /** What the customer deploys: the role stack with this connection's ExternalId. */
    public LaunchInstructions instructions(String externalId, String region) {
        return LaunchInstructions.of(config.roleTemplateUrl(), hub.principalArn(), externalId, region);
    }

    /** What the customer deploys for this connection: one role stack, or for an organisation also the StackSet. */
    public LaunchInstructions instructions(ConnectionIntent intent, String region) {
        if (intent.kind == ConnectionIntent.Kind.ORGANIZATION) {
            return LaunchInstructions.forOrganization(config.roleTemplateUrl(), config.stacksetTemplateUrl(),
                    hub.principalArn(), intent.externalId, region);
        }
        return instructions(intent.externalId, region);
    }

    public String principalArn() {
        return hub.principalArn();
    }

    /** A dry run of step 3: verifies the pasted role with the intent's ExternalId, stores nothing but an audit entry. */
    @Transactional
    public Verification check(UUID intentId, String roleArnText) {
        ConnectionIntent intent = intent(intentId);
        RoleArn role = RoleArn.parse(roleArnText);
        rejectDuplicate(role);
        Verification verification = verifier.verify(role, intent.externalId, intent.kind == ConnectionIntent.Kind.ORGANIZATION);
        audit.describe("connection-intent", intent.id, Map.of("roleArn", role.value(), "outcome",
                verification.usable() ? verification.status().name() : verification.failure().get().code()));
        return verification;
    }

    /**
     * Step 2 and 3: verify the pasted role with the intent's ExternalId and connect the account.
     *
     * @param regions regions to cover; empty for every enabled region
     */
    @Transactional
    public AwsAccount connect(UUID intentId, String roleArnText, String name, List<String> regions) {
        ConnectionIntent intent = intent(intentId);
        if (intent.kind != ConnectionIntent.Kind.ACCOUNT) {
            throw ProblemException.invalid("intentId", "This connection is for an organisation; connect its management account there.");
        }
        RoleArn role = RoleArn.parse(roleArnText);
        AwsAccount account = connectRole(role, intent.externalId, name, regions, null, false);
        em.remove(intent);
        return account;
    }

    /**
     * Connects a sandbox scenario account whose role was created with a fixed ExternalId (the demo tenant of
     * the local run). Customers never choose ExternalIds: no endpoint reaches this.
     */
    @Transactional
    public AwsAccount connectSandboxScenario(String roleArn, String externalId, String name) {
        return connectRole(RoleArn.parse(roleArn), externalId, name, List.of(), null, false);
    }

    /** Verifies {@code role} and stores the account; throws a problem (and stores nothing) when it is unusable. */
    AwsAccount connectRole(RoleArn role, String externalId, String name, List<String> regions, UUID organizationId,
                           boolean managementAccount) {
        rejectDuplicate(role);
        Verification verification = verifier.verify(role, externalId, managementAccount);
        verification.failure().ifPresent(f -> {
            throw unusable(f);
        });
        AwsAccount account = new AwsAccount();
        account.id = UUID.randomUUID();
        account.accountId = role.accountId();
        account.name = name == null || name.isBlank() ? role.accountId() : name.strip();
        account.roleArn = role.value();
        account.partition = role.partition();
        account.externalId = externalId;
        account.organizationId = organizationId;
        apply(account, verification);
        account.regions = chooseRegions(regions, verification.enabledRegions(), role.accountId());
        accounts.persist(account);
        em.flush(); // a concurrent connect of the same account fails here, not later
        announceTrust(account, verification);
        audit.describe("aws-account", account.id, Map.of("accountId", account.accountId, "roleArn", account.roleArn,
                "status", account.status.name(), "trustOpen", account.trustOpen));
        connected.fire(new AccountConnected(account.tenantId, account.id));
        return account;
    }

    /** Re-verifies the account's role now; moves it between connected, degraded and failing. */
    @Transactional
    public AwsAccount reverify(UUID id) {
        AwsAccount account = accounts.require(id);
        if (account.status == AccountStatus.DISCONNECTED) {
            throw ProblemException.conflict("account-removed", "This account was removed; connect it again instead.");
        }
        AccountStatus before = account.status;
        Verification verification = verifier.verify(RoleArn.parse(account.roleArn), account.externalId, isManagement(account));
        apply(account, verification);
        announceTrust(account, verification);
        audit.describe("aws-account", account.id, Map.of("before", before.name(), "after", account.status.name()));
        return account;
    }

    /** Chooses the regions to cover; each must be enabled in the account. */
    @Transactional
    public AwsAccount setRegions(UUID id, List<String> regions, String name) {
        AwsAccount account = accounts.require(id);
        List<String> before = account.regions;
        account.regions = chooseRegions(regions, account.enabledRegions, account.accountId);
        if (name != null && !name.isBlank()) {
            account.name = name.strip();
        }
        account.updatedAt = Instant.now();
        audit.describe("aws-account", account.id, Map.of("regionsBefore", before, "regionsAfter", account.regions,
                "name", account.name));
        return account;
    }

    /**
     * Starts an ExternalId rotation: a new ExternalId for the customer to put in the stack. The old one keeps
     * working until {@link #confirmRotation} sees the role accept the new one.
     */
    @Transactional
    public AwsAccount startRotation(UUID id) {
        AwsAccount account = accounts.require(id);
        if (account.organizationId != null) {
            throw ProblemException.conflict("organization-member",
                    "This account's role comes from the organisation's StackSet; its ExternalId is the organisation's.");
        }
        account.nextExternalId = ExternalIds.generate();
        account.updatedAt = Instant.now();
        audit.describe("aws-account", account.id, Map.of("rotation", "started"));
        return account;
    }

    /** Switches to the new ExternalId once the role accepts it; the old one is forgotten. */
    @Transactional
    public AwsAccount confirmRotation(UUID id) {
        AwsAccount account = accounts.require(id);
        if (account.nextExternalId == null) {
            throw ProblemException.conflict("no-rotation", "No ExternalId rotation is in progress for this account.");
        }
        Verification verification = verifier.verify(RoleArn.parse(account.roleArn), account.nextExternalId,
                isManagement(account));
        verification.failure().ifPresent(f -> {
            throw new ProblemException(Status.CONFLICT, "rotation-not-deployed", "New ExternalId not accepted yet",
                    "The role does not accept the new ExternalId yet: update the stack's ExternalId parameter to "
                            + account.nextExternalId + " and confirm again. (" + f.message() + ")");
        });
        account.externalId = account.nextExternalId;
        account.nextExternalId = null;
        apply(account, verification);
        announceTrust(account, verification);
        audit.describe("aws-account", account.id, Map.of("rotation", "completed"));
        return account;
    }

    /**
     * Removes an account: collection stops at once; its findings and history are deleted now
     * ({@code retainDays} = 0) or kept for {@code retainDays} and then deleted.
     */
    @Transactional
    public Optional<AwsAccount> remove(UUID id, int retainDays) {
        if (retainDays < 0 || retainDays > MAX_RETENTION_DAYS) {
            throw ProblemException.invalid("retainDays", "Keep the data for 0 to " + MAX_RETENTION_DAYS + " days.");
        }
        AwsAccount account = accounts.require(id);
        audit.describe("aws-account", account.id, Map.of("accountId", account.accountId, "retainDays", retainDays));
        if (retainDays == 0) {
            accounts.delete(account);
            return Optional.empty();
        }
        account.status = AccountStatus.DISCONNECTED;
        account.statusDetail = "Removed; data kept until the purge date.";
        account.purgeAfter = Instant.now().plus(Duration.ofDays(retainDays));
        account.updatedAt = Instant.now();
        return Optional.of(account);
    }

    private void apply(AwsAccount account, Verification verification) {
        account.status = verification.status();
        account.statusDetail = verification.statusDetail();
        account.verification = verification.steps();
        account.lastVerifiedAt = Instant.now();
        account.updatedAt = account.lastVerifiedAt;
        if (verification.usable()) {
            account.trustOpen = verification.trustOpen();
            account.capabilities = new LinkedHashMap<>(verification.capabilities());
            account.enabledRegions = verification.enabledRegions();
            account.regions = account.regions.stream().filter(verification.enabledRegions()::contains).toList();
        }
    }

    /** The trust finding is only known when the role could be assumed at all. */
    private void announceTrust(AwsAccount account, Verification verification) {
        if (verification.usable()) {
            verified.fire(new TrustFindingRecorder.RoleVerified(account.tenantId, account.id, account.accountId,
                    account.roleArn, account.trustOpen));
        }
    }

    private boolean isManagement(AwsAccount account) {
        return account.organizationId != null && Optional.ofNullable(em.find(AwsOrganization.class, account.organizationId))
                .map(o -> o.managementAccount.equals(account.accountId)).orElse(false);
    }

    private void rejectDuplicate(RoleArn role) {
        accounts.byAccountId(role.accountId()).ifPresent(existing -> {
            throw ProblemException.conflict("account-exists", "Account " + role.accountId()
                    + " is already connected as \"" + existing.name + "\""
                    + (existing.status == AccountStatus.DISCONNECTED ? " (removed, data kept until "
                    + existing.purgeAfter + "; delete it first to connect it again)." : "."));
        });
    }

    private static List<String> chooseRegions(List<String> requested, List<String> enabled, String accountId) {
        if (requested == null || requested.isEmpty()) {
            return enabled;
        }
        List<String> wanted = requested.stream().map(String::strip).distinct().sorted().toList();
        List<String> disabled = wanted.stream().filter(r -> !enabled.contains(r)).toList();
        if (!disabled.isEmpty()) {
            throw ProblemException.invalid("regions", String.join(", ", disabled) + (disabled.size() == 1 ? " is" : " are")
                    + " not enabled in account " + accountId + " (opt-in regions must be enabled in the AWS console first)."
                    + " Enabled: " + String.join(", ", enabled) + ".");
        }
        return wanted;
    }

    static ProblemException unusable(Verification.Failure failure) {
        if (failure.retryable()) {
            return new ProblemException(Status.SERVICE_UNAVAILABLE, "aws-unavailable", "AWS did not answer",
                    failure.message(), List.of(), Map.of("Retry-After", "60"));
        }
        return new ProblemException(ProblemException.UNPROCESSABLE, "role-not-usable", "The role cannot be used",
                failure.message(), List.of(new io.cloudward.api.Problem.FieldError("roleArn", failure.message())), Map.of());
    }
}
