package io.cloudward.findings;

import io.cloudward.checks.MetadataCatalog;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where collection runs put what they saw. Per (account, region, source) scope:
 * <pre>
 *   ScopeUpdate update = store.begin(tenantId, awsAccountId, "123456789012", "eu-west-1", "exposure", true);
 *   results.forEach(update::accept);          // CheckResult, GuardDutyFindingFacts, (TrailEvent, EventSignal)
 *   ScopeCounts counts = update.finish();
 * </pre>
 * Each batch runs in its own transaction as Cloudward acting for the tenant (both tenant walls apply), with
 * the lifecycle rules of {@link Lifecycle}, the tenant's suppression rules, history rows and outbox events.
 */
@ApplicationScoped
public class FindingStore {
    /** Rows per JDBC batch and per transaction. */
    public static final int BATCH_SIZE = 500;
    private static final String JOB = "collection";

    private final TenantRunner runner;
    private final FindingWriter writer;
    private final Correlator correlator;
    private final EntityManager em;
    private final Observations observations = new Observations(MetadataCatalog.load());

    public FindingStore(TenantRunner runner, FindingWriter writer, Correlator correlator, EntityManager em) {
        this.runner = runner;
        this.writer = writer;
        this.correlator = correlator;
        this.em = em;
    }

    /**
     * Starts a scope. The AWS account must be one of the tenant's, with that 12-digit id.
     *
     * @param fullSnapshot true for posture sources that list everything every run: findings of this scope
     *                     (check results only) that the run does not see again are resolved by {@link ScopeUpdate#finish()}
     */
    public ScopeUpdate begin(UUID tenantId, UUID awsAccountId, String accountId, String region, String source,
                             boolean fullSnapshot) {
        Scope scope = new Scope(tenantId, awsAccountId, accountId, region, source, fullSnapshot, UUID.randomUUID());
        List<Suppression> rules = runner.call(access(tenantId), () -> {
            List<?> owner = em.createNativeQuery("select account_id from aws_account where id = ?1")
                    .setParameter(1, awsAccountId).getResultList();
            if (owner.isEmpty() || !accountId.equals(owner.get(0))) {
                throw new IllegalArgumentException("AWS account " + awsAccountId + " (" + accountId + ") is not one of tenant "
                        + tenantId + "'s accounts");
            }
            return em.createQuery("from Suppression where revokedAt is null", Suppression.class).getResultList();
        });
        return new ScopeUpdate(this, scope, new SuppressionRules(rules));
    }

    Observations observations() {
        return observations;
    }

    ScopeCounts write(Scope scope, List<Observation> batch, SuppressionRules rules) {
        return runner.call(access(scope.tenantId()), () -> writer.write(scope, batch, rules, Instant.now()));
    }

    int sweep(Scope scope) {
        int total = 0;
        int swept;
        do {
            swept = runner.call(access(scope.tenantId()), () -> writer.sweep(scope, Instant.now(), BATCH_SIZE));
            total += swept;
        } while (swept == BATCH_SIZE);
        return total;
    }

    void correlate(Scope scope) {
        runner.run(access(scope.tenantId()), () -> correlator.correlate(scope.awsAccountId(), Instant.now()));
    }

    private static Access access(UUID tenantId) {
        return TenantRunner.system(tenantId, JOB);
    }
}
