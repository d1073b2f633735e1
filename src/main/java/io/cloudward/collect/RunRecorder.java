package io.cloudward.collect;

import io.cloudward.events.Outbox;
import io.cloudward.events.Topics;
import io.cloudward.findings.ScopeCounts;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a run writes as it goes, as Cloudward acting for the run's tenant (both tenant walls apply): each
 * source's outcome with the run's progress and the new watermark in one transaction, and the run's end with
 * its event. Writes on the run are conditional on still holding its lease, so an instance that lost its
 * lease cannot overwrite the one that took over.
 */
@ApplicationScoped
public class RunRecorder {

    private static final String JOB = "collection";

    private final TenantRunner runner;
    private final EntityManager em;
    private final Outbox outbox;

    public RunRecorder(TenantRunner runner, EntityManager em, Outbox outbox) {
        this.runner = runner;
        this.em = em;
        this.outbox = outbox;
    }

    /** Sets how many region × source collections the run has and announces it (again after a takeover). */
    public void started(RunClaim claim, int sourcesTotal) {
        runner.run(TenantRunner.system(claim.tenantId(), JOB), () -> {
            int updated = em.createNativeQuery("update scan_run set sources_total = ?1 where id = ?2 and lease_owner = ?3")
                    .setParameter(1, sourcesTotal).setParameter(2, claim.runId()).setParameter(3, claim.owner())
                    .executeUpdate();
            if (updated == 1) {
                outbox.emit(Topics.RUNS, claim.accountId(), "run.started", claim.accountId(), null, Map.of(
                        "runId", claim.runId(), "family", claim.family().name(), "attempt", claim.attempt(),
                        "sourcesTotal", sourcesTotal));
            }
        });
    }

    /** "region|SOURCE" of the collections a previous holder of the run already recorded. */
    @SuppressWarnings("unchecked")
    public List<String> recorded(RunClaim claim) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB), () -> (List<String>) em.createNativeQuery(
                        "select region || '|' || source from scan_run_source where run_id = ?1")
                .setParameter(1, claim.runId()).getResultList());
    }

    /** The incremental sources' watermarks of the account, by "region|SOURCE". */
    public Map<String, Instant> watermarks(RunClaim claim) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB), () -> {
            Map<String, Instant> marks = new HashMap<>();
            for (Object row : em.createNativeQuery(
                            "select region || '|' || source, mark from collection_watermark where aws_account_id = ?1")
                    .setParameter(1, claim.awsAccountId()).getResultList()) {
                Object[] cells = (Object[]) row;
                marks.put((String) cells[0], instant(cells[1]));
            }
            return marks;
        });
    }

    /**
     * Records one collection: its row, the run's progress and counters, and the watermark when the outcome
     * is OK or PARTIAL. Returns false when the lease is gone (nothing is written then).
     */
    public boolean sourceDone(RunClaim claim, SourceOutcome outcome, ScopeCounts counts) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB), () -> {
            int progressed = em.createNativeQuery("""
                            update scan_run set sources_done = sources_done + 1, api_calls = api_calls + ?1,
                                   items = items + ?2, findings_created = findings_created + ?3,
                                   findings_updated = findings_updated + ?4, findings_resolved = findings_resolved + ?5,
                                   findings_reopened = findings_reopened + ?6
                            where id = ?7 and lease_owner = ?8 and status = 'RUNNING'""")
                    .setParameter(1, outcome.apiCalls()).setParameter(2, outcome.itemsSeen())
                    .setParameter(3, counts.created()).setParameter(4, counts.updated())
                    .setParameter(5, counts.resolved()).setParameter(6, counts.reopened())
                    .setParameter(7, claim.runId()).setParameter(8, claim.owner()).executeUpdate();
            if (progressed == 0) {
                return false;
            }
            em.createNativeQuery("""
                            insert into scan_run_source (run_id, tenant_id, region, source, status, error_code, denied_action,
                                   message, api_calls, items, duration_ms, findings_created, findings_resolved)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""")
                    .setParameter(1, claim.runId()).setParameter(2, claim.tenantId())
                    .setParameter(3, outcome.region()).setParameter(4, outcome.source().name())
                    .setParameter(5, outcome.status().name()).setParameter(6, outcome.errorCode().orElse(null))
                    .setParameter(7, outcome.deniedAction().orElse(null))
                    .setParameter(8, outcome.message().isEmpty() ? null : outcome.message())
                    .setParameter(9, outcome.apiCalls()).setParameter(10, outcome.itemsSeen())
                    .setParameter(11, outcome.duration().toMillis()).setParameter(12, counts.created())
                    .setParameter(13, counts.resolved()).executeUpdate();
            boolean usable = outcome.status() == SourceOutcome.Status.OK || outcome.status() == SourceOutcome.Status.PARTIAL;
            if (usable && outcome.watermark().isPresent()) {
                em.createNativeQuery("""
                                insert into collection_watermark (tenant_id, aws_account_id, region, source, mark)
                                values (?1, ?2, ?3, ?4, ?5)
                                on conflict (aws_account_id, region, source)
                                do update set mark = greatest(collection_watermark.mark, excluded.mark), updated_at = now()""")
                        .setParameter(1, claim.tenantId()).setParameter(2, claim.awsAccountId())
                        .setParameter(3, outcome.region()).setParameter(4, outcome.source().name())
                        .setParameter(5, Timestamp.from(outcome.watermark().get())).executeUpdate();
            }
            return true;
        });
    }

    /** Adds the counts of the account-wide summary scopes (judged after every region). */
    public void summaryCounts(RunClaim claim, ScopeCounts counts) {
        runner.run(TenantRunner.system(claim.tenantId(), JOB), () -> em.createNativeQuery("""
                        update scan_run set findings_created = findings_created + ?1, findings_updated = findings_updated + ?2,
                               findings_resolved = findings_resolved + ?3, findings_reopened = findings_reopened + ?4
                        where id = ?5 and lease_owner = ?6""")
                .setParameter(1, counts.created()).setParameter(2, counts.updated()).setParameter(3, counts.resolved())
                .setParameter(4, counts.reopened()).setParameter(5, claim.runId()).setParameter(6, claim.owner())
                .executeUpdate());
    }

    /** Announces that a region (or the account-wide sources) finished, for live progress. */
    public void progress(RunClaim claim, String region) {
        runner.run(TenantRunner.system(claim.tenantId(), JOB), () -> {
            Object[] row = (Object[]) em.createNativeQuery("select sources_done, sources_total from scan_run where id = ?1")
                    .setParameter(1, claim.runId()).getSingleResult();
            outbox.emit(Topics.RUNS, claim.accountId(), "run.progress", claim.accountId(), region, Map.of(
                    "runId", claim.runId(), "sourcesDone", row[0], "sourcesTotal", row[1]));
        });
    }

    /** SUCCEEDED when every collection ended OK, FAILED when none gave anything, else PARTIAL. */
    @SuppressWarnings("unchecked")
    public RunStatus outcome(RunClaim claim) {
        List<String> statuses = runner.call(TenantRunner.system(claim.tenantId(), JOB), () -> (List<String>) em
                .createNativeQuery("select status from scan_run_source where run_id = ?1")
                .setParameter(1, claim.runId()).getResultList());
        if (!statuses.isEmpty() && statuses.stream().allMatch("OK"::equals)) {
            return RunStatus.SUCCEEDED;
        }
        return statuses.stream().anyMatch(s -> s.equals("OK") || s.equals("PARTIAL")) ? RunStatus.PARTIAL : RunStatus.FAILED;
    }

    /** Ends the run (and releases its lease) with its event; false when the lease was lost meanwhile. */
    public boolean finished(RunClaim claim, RunStatus status, Optional<String> error) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB), () -> {
            int updated = em.createNativeQuery("""
                            update scan_run set status = ?1, error = ?2, finished_at = now(), lease_owner = null,
                                   lease_until = null
                            where id = ?3 and lease_owner = ?4 and status = 'RUNNING'""")
                    .setParameter(1, status.name()).setParameter(2, error.orElse(null))
                    .setParameter(3, claim.runId()).setParameter(4, claim.owner()).executeUpdate();
            if (updated == 0) {
                return false;
            }
            ScanRun run = em.find(ScanRun.class, claim.runId());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("runId", run.id);
            data.put("family", run.family.name());
            data.put("status", status.name());
            data.put("sourcesDone", run.sourcesDone);
            data.put("sourcesTotal", run.sourcesTotal);
            data.put("apiCalls", run.apiCalls);
            data.put("findingsCreated", run.findingsCreated);
            data.put("findingsResolved", run.findingsResolved);
            error.ifPresent(e -> data.put("error", e));
            outbox.emit(Topics.RUNS, claim.accountId(), "run.finished", claim.accountId(), null, data);
            return true;
        });
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
