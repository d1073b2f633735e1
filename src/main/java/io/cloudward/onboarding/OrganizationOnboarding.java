package io.cloudward.onboarding;

import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.ProblemException;
import io.cloudward.aws.AwsFailure;
import io.cloudward.aws.HubIdentity;
import io.cloudward.aws.RoleSession;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.Organization;

/**
 * Connecting a whole AWS organisation: the management account's role lists the member accounts, the
 * StackSet has put the same role (same ExternalId) in each member, and the tenant connects them in bulk,
 * each verified like a single account. Each member is committed on its own, so progress is visible while
 * the bulk connect runs and a repeat skips what is already connected.
 */
@ApplicationScoped
public class OrganizationOnboarding {

    /** Members verified at once: enough to connect hundreds of accounts in a minute, gentle on STS. */
    static final int PARALLEL_VERIFICATIONS = 8;

    private final Onboarding onboarding;
    private final RoleVerifier verifier;
    private final AwsAccounts accounts;
    private final HubIdentity hub;
    private final TenantContext tenant;
    private final TenantRunner runner;
    private final AuditLog audit;
    private final EntityManager em;

    public OrganizationOnboarding(Onboarding onboarding, RoleVerifier verifier, AwsAccounts accounts, HubIdentity hub,
                                  TenantContext tenant, TenantRunner runner, AuditLog audit, EntityManager em) {
        this.onboarding = onboarding;
        this.verifier = verifier;
        this.accounts = accounts;
        this.hub = hub;
        this.tenant = tenant;
        this.runner = runner;
        this.audit = audit;
        this.em = em;
    }

    /** A member account as the organisation lists it, and where it stands with this tenant. */
    public record Member(String accountId, String name, String email, String status, boolean connected,
                         boolean roleReachable, String roleProblem) {
    }

    /** What happened to one member of a bulk connect. */
    public record MemberResult(String accountId, String outcome, String detail, UUID id) {
    }

    /**
     * Connects the organisation through its management account's role (created by the role stack with
     * {@code EnableOrganizationListing=true} and the connection's ExternalId); connects that account too.
     */
    @Transactional
    public AwsOrganization connect(UUID intentId, String managementRoleArn, String name) {
        ConnectionIntent intent = onboarding.intent(intentId);
        if (intent.kind != ConnectionIntent.Kind.ORGANIZATION) {
            throw ProblemException.invalid("connectionId", "This connection is for a single account; start an organisation connection.");
        }
        RoleArn role = RoleArn.parse(managementRoleArn);
        Organization organization = describe(role, intent.externalId);
        if (em.createQuery("select count(o) from AwsOrganization o where o.organizationId = :id", Long.class)
                .setParameter("id", organization.id()).getSingleResult() > 0) {
            throw ProblemException.conflict("organization-exists", "Organisation " + organization.id() + " is already connected.");
        }
        AwsOrganization org = new AwsOrganization();
        org.id = UUID.randomUUID();
        org.organizationId = organization.id();
        org.managementAccount = organization.masterAccountId();
        org.managementRoleArn = role.value();
        org.memberRoleName = role.roleName();
        org.externalId = intent.externalId;
        em.persist(org);
        em.flush();
        Optional<AwsAccount> existing = accounts.byAccountId(role.accountId());
        if (existing.isPresent()) {
            existing.get().organizationId = org.id;
        } else {
            onboarding.connectRole(role, intent.externalId, name, List.of(), org.id, true);
        }
        em.remove(intent);
        audit.describe("aws-organization", org.id, Map.of("organizationId", org.organizationId,
                "managementAccount", org.managementAccount));
        return org;
    }

    public List<AwsOrganization> list() {
        return em.createQuery("from AwsOrganization order by createdAt", AwsOrganization.class).getResultList();
    }

    public AwsOrganization require(UUID id) {
        return Optional.ofNullable(em.find(AwsOrganization.class, id))
                .orElseThrow(() -> ProblemException.notFound("The organisation"));
    }

    /** The organisation's active accounts, with whether each is connected and whether its StackSet role answers. */
    public List<Member> members(UUID organizationId) {
        AwsOrganization org = require(organizationId);
        Set<String> connected = accounts.all().stream().map(a -> a.accountId).collect(Collectors.toSet());
        List<Account> listed = listAccounts(org);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(PARALLEL_VERIFICATIONS);
            List<Future<Member>> members = new ArrayList<>();
            for (Account account : listed) {
                members.add(pool.submit(() -> {
                    boolean isConnected = connected.contains(account.id());
                    Optional<String> problem = isConnected ? Optional.empty() : limited(slots, () -> roleProblem(org, account.id()));
                    return new Member(account.id(), account.name(), account.email(), account.statusAsString(),
                            isConnected, problem.isEmpty(), problem.orElse(null));
                }));
            }
            List<Member> result = new ArrayList<>();
            for (Future<Member> member : members) {
                result.add(member.get());
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Connects the chosen member accounts (all active ones not yet connected when {@code accountIds} is
     * empty), each verified with the organisation's ExternalId and committed on its own.
     */
    public List<MemberResult> connectMembers(UUID organizationId, List<String> accountIds) {
        AwsOrganization org = require(organizationId);
        Access caller = tenant.require();
        List<Member> members = members(organizationId);
        Set<String> wanted = accountIds == null || accountIds.isEmpty()
                ? members.stream().filter(m -> !m.connected() && "ACTIVE".equals(m.status())).map(Member::accountId)
                        .collect(Collectors.toSet())
                : Set.copyOf(accountIds);
        Map<String, Member> byId = members.stream().collect(Collectors.toMap(Member::accountId, m -> m));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore slots = new Semaphore(PARALLEL_VERIFICATIONS);
            List<Future<MemberResult>> results = new ArrayList<>();
            for (String accountId : wanted.stream().sorted().toList()) {
                results.add(pool.submit(() -> limited(slots, () -> connectMember(caller, org, byId.get(accountId), accountId))));
            }
            List<MemberResult> done = new ArrayList<>();
            for (Future<MemberResult> result : results) {
                done.add(result.get());
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private MemberResult connectMember(Access caller, AwsOrganization org, Member member, String accountId) {
        if (member == null) {
            return new MemberResult(accountId, "REJECTED", "Not an account of organisation " + org.organizationId + ".", null);
        }
        if (member.connected()) {
            return new MemberResult(accountId, "ALREADY_CONNECTED", "Already connected.", null);
        }
        String roleArn = org.memberRoleArn(RoleArn.parse(org.managementRoleArn).partition(), accountId);
        try {
            AwsAccount account = runner.call(caller, () -> {
                AwsAccount connected = onboarding.connectRole(RoleArn.parse(roleArn), org.externalId, member.name(),
                        List.of(), org.id, false);
                audit.record("aws-account.connected", "aws-account", connected.id.toString(),
                        Map.of("accountId", accountId, "organizationId", org.organizationId, "status", connected.status.name()));
                return connected;
            });
            return new MemberResult(accountId, account.status.name(), account.statusDetail, account.id);
        } catch (ProblemException e) {
            return new MemberResult(accountId, "FAILED", e.getMessage(), null);
        }
    }

    private Organization describe(RoleArn role, String externalId) {
        try (OrganizationsClient organizations = organizations(role.value(), externalId)) {
            return organizations.describeOrganization().organization();
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e, "organizations:DescribeOrganization");
            String hint = switch (failure.kind()) {
                case ACCESS_DENIED -> " Create the management account's stack with EnableOrganizationListing=true, the "
                        + "connection's ExternalId and Cloudward's principal, then paste its RoleArn output.";
                case THROTTLED -> " Try again in a minute.";
                default -> "";
            };
            throw new ProblemException(ProblemException.UNPROCESSABLE, "organization-not-readable",
                    "The organisation cannot be read", "Cloudward could not read the organisation through " + role.value()
                    + " (" + failure.code() + ")." + hint);
        }
    }

    private List<Account> listAccounts(AwsOrganization org) {
        try (OrganizationsClient organizations = organizations(org.managementRoleArn, org.externalId)) {
            List<Account> listed = new ArrayList<>();
            organizations.listAccountsPaginator(r -> r.maxResults(20)).forEach(page -> listed.addAll(page.accounts()));
            return listed;
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e, "organizations:ListAccounts");
            throw new ProblemException(ProblemException.UNPROCESSABLE, "organization-not-readable",
                    "The organisation cannot be read", "Listing the organisation's accounts failed (" + failure.code()
                    + "): " + failure.message());
        }
    }

    /** Why Cloudward cannot use the member's StackSet role, or empty when it can. */
    private Optional<String> roleProblem(AwsOrganization org, String accountId) {
        String roleArn = org.memberRoleArn(RoleArn.parse(org.managementRoleArn).partition(), accountId);
        try {
            hub.runtime().sessions().current(new RoleSession(roleArn, org.externalId));
            return Optional.empty();
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e, "sts:AssumeRole");
            return Optional.of(failure.kind() == AwsFailure.Kind.ACCESS_DENIED
                    ? "No usable " + org.memberRoleName + " role yet: is the account in the StackSet's organisational units?"
                    : failure.code() + ": " + failure.message());
        }
    }

    private OrganizationsClient organizations(String roleArn, String externalId) {
        return hub.clients().create(OrganizationsClient.builder(), Region.US_EAST_1,
                hub.runtime().sessions().credentials(new RoleSession(roleArn, externalId)));
    }

    private static <T> T limited(Semaphore slots, java.util.function.Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
