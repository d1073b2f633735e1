package io.cloudward.collect;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.ProblemException;
import io.cloudward.tenancy.TenantContext;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs as the current tenant sees them: "scan now" for one account or all of them, cancel, and the run list
 * with each run's per-source outcomes. Creating a run only queues it; a worker on some instance executes it.
 */
@ApplicationScoped
public class ScanService {

    private final EntityManager em;
    private final TenantContext tenant;
    private final AwsAccounts accounts;
    private final TenantRunner runner;
    private final CollectionConfig config;

    public ScanService(EntityManager em, TenantContext tenant, AwsAccounts accounts, TenantRunner runner,
                       CollectionConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.accounts = accounts;
        this.runner = runner;
        this.config = config;
    }

    /** A run of everything for one account; the one already queued or running when there is one. */
    @Transactional
    public ScanRun scanAccount(UUID awsAccountId) {
        AwsAccount account = accounts.require(awsAccountId);
        if (account.status == AccountStatus.DISCONNECTED || account.status == AccountStatus.PENDING) {
            throw ProblemException.conflict("account-not-connected", "Account " + account.accountId + " is "
                    + account.status.label().toLowerCase() + "; only connected accounts can be scanned.");
        }
        return queue(account, RunTrigger.MANUAL);
    }

    /** A run of everything for every account of the tenant that can be scanned. */
    @Transactional
    public List<ScanRun> scanTenant() {
        return accounts.active().stream()
                .filter(a -> a.status != AccountStatus.PENDING)
                .map(a -> queue(a, RunTrigger.MANUAL)).toList();
    }

    /**
     * The first run of a newly connected account, and its schedules starting one interval later (the first
     * run covers both families).
     */
    public void queueFirstScan(UUID tenantId, UUID awsAccountId) {
        runner.run(TenantRunner.system(tenantId, "collection"), () -> accounts.findByIdOptional(awsAccountId)
                .ifPresent(account -> {
                    queue(account, RunTrigger.CONNECT);
                    em.createNativeQuery("""
                                    insert into scan_schedule (tenant_id, aws_account_id, family, next_due_at)
                                    values (?1, ?2, 'THREATS', now() + make_interval(secs => ?3)),
                                           (?1, ?2, 'POSTURE', now() + make_interval(secs => ?4))
                                    on conflict do nothing""")
                            .setParameter(1, tenantId).setParameter(2, awsAccountId)
                            .setParameter(3, config.threatsInterval().toSeconds())
                            .setParameter(4, config.postureInterval().toSeconds()).executeUpdate();
                }));
    }

    private ScanRun queue(AwsAccount account, RunTrigger trigger) {
        em.createNativeQuery("""
                        insert into scan_run (id, tenant_id, aws_account_id, account_id, family, trigger, status, requested_by)
                        values (?1, ?2, ?3, ?4, 'ALL', ?5, 'QUEUED', ?6)
                        on conflict (aws_account_id, family) where status in ('QUEUED', 'RUNNING') do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, account.tenantId).setParameter(3, account.id)
                .setParameter(4, account.accountId).setParameter(5, trigger.name())
                .setParameter(6, tenant.require().display()).executeUpdate();
        return em.createQuery("from ScanRun where awsAccountId = ?1 and family = ?2 and status in ?3", ScanRun.class)
                .setParameter(1, account.id).setParameter(2, RunFamily.ALL)
                .setParameter(3, List.of(RunStatus.QUEUED, RunStatus.RUNNING)).getSingleResult();
    }

    /**
     * Cancels a run: a queued run ends at once; a running one stops between sources, when its instance's
     * heartbeat sees the request.
     */
    @Transactional
    public ScanRun cancel(UUID runId) {
        ScanRun run = find(runId).orElseThrow(() -> ProblemException.notFound("The scan run"));
        if (run.status.finished()) {
            throw ProblemException.conflict("run-finished", "This run already ended (" + run.status + ").");
        }
        run.cancelRequested = true;
        if (run.status == RunStatus.QUEUED) {
            run.status = RunStatus.CANCELLED;
            run.finishedAt = Instant.now();
        }
        return run;
    }

    public Optional<ScanRun> find(UUID runId) {
        return Optional.ofNullable(em.find(ScanRun.class, runId));
    }

    /** Each account's newest run (queued, running or finished): one index probe per account. */
    public Map<UUID, ScanRun> latestRuns(Collection<UUID> awsAccountIds) {
        if (awsAccountIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<ScanRun> runs = em.createNativeQuery("""
                        select r.* from unnest(cast(?1 as uuid[])) as a(id)
                        cross join lateral (select * from scan_run r where r.aws_account_id = a.id and r.tenant_id = ?2
                                            order by r.seq desc limit 1) r""", ScanRun.class)
                .setParameter(1, awsAccountIds.toArray(UUID[]::new)).setParameter(2, tenant.require().tenantId())
                .getResultList();
        Map<UUID, ScanRun> latest = new HashMap<>();
        runs.forEach(r -> latest.put(r.awsAccountId, r));
        return latest;
    }

    /**
     * How the given sources ended, per region, in each account's newest finished run that collected posture: what
     * the account pages know about a region (nothing at all when it was never collected).
     */
    public List<ScanRunSource> latestPostureSources(Collection<UUID> awsAccountIds, Collection<Source> sources) {
        if (awsAccountIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<ScanRunSource> rows = em.createNativeQuery("""
                        select s.* from unnest(cast(?1 as uuid[])) as a(id)
                        cross join lateral (select r.id from scan_run r where r.aws_account_id = a.id and r.tenant_id = ?2
                                              and r.family in ('ALL', 'POSTURE')
                                              and r.status in ('SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED')
                                            order by r.seq desc limit 1) r
                        join scan_run_source s on s.run_id = r.id
                        where s.source = any(cast(?3 as text[]))""", ScanRunSource.class)
                .setParameter(1, awsAccountIds.toArray(UUID[]::new)).setParameter(2, tenant.require().tenantId())
                .setParameter(3, sources.stream().map(Source::name).toArray(String[]::new))
                .getResultList();
        return rows;
    }

    /** The run ids of the given sources' rows, mapped to their account. */
    public Map<UUID, UUID> accountsOfRuns(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UUID> accounts = new HashMap<>();
        em.createQuery("select r.id, r.awsAccountId from ScanRun r where r.id in :ids", Object[].class)
                .setParameter("ids", runIds).getResultStream().forEach(r -> accounts.put((UUID) r[0], (UUID) r[1]));
        return accounts;
    }

    /** Runs newest first, after the cursor (a run's seq), optionally of one account. */
    public List<ScanRun> page(Long before, UUID awsAccountId, int limit) {
        StringBuilder jpql = new StringBuilder("from ScanRun where 1 = 1");
        if (before != null) {
            jpql.append(" and seq < :before");
        }
        if (awsAccountId != null) {
            jpql.append(" and awsAccountId = :account");
        }
        var query = em.createQuery(jpql.append(" order by seq desc").toString(), ScanRun.class).setMaxResults(limit);
        if (before != null) {
            query.setParameter("before", before);
        }
        if (awsAccountId != null) {
            query.setParameter("account", awsAccountId);
        }
        return query.getResultList();
    }

    public List<ScanRunSource> sources(UUID runId) {
        return em.createQuery("from ScanRunSource where key.runId = ?1 order by key.region, key.source", ScanRunSource.class)
                .setParameter(1, runId).getResultList();
    }
}
