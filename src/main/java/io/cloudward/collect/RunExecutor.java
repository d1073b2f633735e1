package io.cloudward.collect;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.aws.AccountClients;
import io.cloudward.aws.AwsFailure;
import io.cloudward.aws.HubIdentity;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckRegistry;
import io.cloudward.collect.snapshot.AccountBackupPlans;
import io.cloudward.collect.snapshot.AccountConfigRecorders;
import io.cloudward.collect.snapshot.AccountGuardDuty;
import io.cloudward.collect.snapshot.AccountTrails;
import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeCounts;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.onboarding.Onboarding;
import io.cloudward.scoring.ScoreService;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Executes one claimed run: makes sure the role still works (a refused AssumeRole makes the account
 * FAILING, through the same re-verification as the accounts page), then collects every region × source of
 * the run on virtual threads — a few regions of the account at once, a bounded number of collections on the
 * instance — judging and storing as it streams, recording each outcome as it completes, and skipping what
 * a previous holder of the run already recorded.
 */
@ApplicationScoped
public class RunExecutor {

    private static final System.Logger LOG = System.getLogger(RunExecutor.class.getName());
    private static final String JOB = "collection";
    /** Which source's scope holds each account-wide summary's findings. */
    private static final Map<Class<?>, Source> SUMMARY_SOURCES = Map.of(AccountGuardDuty.class, Source.GUARDDUTY_DETECTORS,
            AccountTrails.class, Source.CLOUDTRAIL_TRAILS, AccountConfigRecorders.class, Source.CONFIG,
            AccountBackupPlans.class, Source.BACKUP);

    private final RunRecorder recorder;
    private final FindingStore findings;
    private final HubIdentity hub;
    private final TenantRunner runner;
    private final AwsAccounts accounts;
    private final Onboarding onboarding;
    private final CollectionConfig config;
    private final ScoreService scores;
    private final SourceCollectors collectors = SourceCollectors.standard();
    private final CheckRegistry checks = CheckRegistry.standard();
    /** Collections in flight on this instance, across runs. */
    private final Semaphore collections;

    public RunExecutor(RunRecorder recorder, FindingStore findings, HubIdentity hub, TenantRunner runner,
                       AwsAccounts accounts, Onboarding onboarding, CollectionConfig config, ScoreService scores) {
        this.scores = scores;
        this.recorder = recorder;
        this.findings = findings;
        this.hub = hub;
        this.runner = runner;
        this.accounts = accounts;
        this.onboarding = onboarding;
        this.config = config;
        this.collections = new Semaphore(config.collectionsPerInstance());
    }

    /** One collection of the plan. */
    private record Task(String region, Source source) {
        String key() {
            return region + "|" + source.name();
        }
    }

    /** Runs the claimed run to its end; returns silently, without finishing it, when the lease is lost. */
    public void execute(RunClaim claim, RunControl control) {
        Optional<RunAccount> loaded = load(claim);
        if (loaded.isEmpty() || loaded.get().status() == AccountStatus.DISCONNECTED
                || loaded.get().status() == AccountStatus.PENDING) {
            recorder.finished(claim, RunStatus.FAILED, Optional.of("The account was removed or is not connected."));
            return;
        }
        RunAccount account = loaded.get();
        Optional<String> refused = assumeRole(account);
        if (refused.isPresent() || account.status() == AccountStatus.FAILING) {
            // Re-verify through onboarding: it records FAILING with AWS's words, or brings the account back.
            account = reverify(claim);
            if (!account.status().collectable()) {
                recorder.finished(claim, RunStatus.FAILED, Optional.ofNullable(account.statusDetail()).or(() -> refused));
                return;
            }
        }
        List<Task> plan = plan(claim.family(), account);
        Set<String> recorded = new HashSet<>(recorder.recorded(claim));
        recorder.started(claim, plan.size());
        Map<String, Instant> watermarks = recorder.watermarks(claim);
        SummaryFacts summaryFacts = new SummaryFacts();
        AccountSummaries summaries = new AccountSummaries(summaryFacts);
        CheckContext context = CheckContext.of(hub.clock().instant(), claim.accountId())
                .withUsedRegions(Set.copyOf(account.regions()));
        Map<String, List<Task>> byRegion = new LinkedHashMap<>();
        plan.stream().filter(task -> !recorded.contains(task.key()))
                .forEach(task -> byRegion.computeIfAbsent(task.region(), r -> new ArrayList<>()).add(task));

        Semaphore regions = new Semaphore(config.regionsPerAccount());
        RunAccount current = account;
        try (AccountClients clients = hub.runtime().account(account.role());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            byRegion.forEach((region, tasks) -> threads.submit(() -> {
                regions.acquireUninterruptibly();
                try {
                    for (Task task : tasks) {
                        if (control.stopRequested()) {
                            return;
                        }
                        Collected done = collect(claim, current, clients, task, watermarks, context, summaries);
                        if (!recorder.sourceDone(claim, done.outcome(), done.counts())) {
                            control.loseLease();
                            return;
                        }
                    }
                    recorder.progress(claim, region);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Run " + claim.runId() + " failed in " + region, e);
                } finally {
                    regions.release();
                }
            }));
        }
        if (control.leaseLost()) {
            LOG.log(System.Logger.Level.WARNING, "Run " + claim.runId() + " lost its lease; its new holder finishes it");
            return;
        }
        if (control.cancelled()) {
            recorder.finished(claim, RunStatus.CANCELLED, Optional.of("Cancelled."));
            return;
        }
        if (recorded.isEmpty()) {
            // After a takeover the regions collected before are not in memory: summaries wait for the next run.
            summaries.finish(account.regions());
            summaryFacts.facts.forEach(fact -> recorder.summaryCounts(claim, judgeSummary(claim, fact, context)));
        }
        recorder.finished(claim, recorder.outcome(claim), Optional.empty());
        try {
            scores.afterRun(claim.tenantId()); // today's snapshot and score.changed events reflect this run
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Scores after run " + claim.runId() + " failed; the hourly job catches up", e);
        }
    }

    private Optional<RunAccount> load(RunClaim claim) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB),
                () -> accounts.findByIdOptional(claim.awsAccountId()).map(RunAccount::of));
    }

    private RunAccount reverify(RunClaim claim) {
        return runner.call(TenantRunner.system(claim.tenantId(), JOB),
                () -> RunAccount.of(onboarding.reverify(claim.awsAccountId())));
    }

    /** Assumes the role (or finds its session cached); the AWS error code when STS refuses. */
    private Optional<String> assumeRole(RunAccount account) {
        try {
            hub.runtime().sessions().current(account.role());
            return Optional.empty();
        } catch (SdkException e) {
            AwsFailure failure = AwsFailure.of(e, "sts:AssumeRole");
            return Optional.of("AssumeRole failed (" + failure.code() + "): " + failure.message());
        }
    }

    private static List<Task> plan(RunFamily family, RunAccount account) {
        List<Task> plan = new ArrayList<>();
        for (Source source : family.sources()) {
            if (source.scope() == Source.Scope.GLOBAL) {
                plan.add(new Task(Source.GLOBAL_REGION, source));
            } else {
                account.regions().forEach(region -> plan.add(new Task(region, source)));
            }
        }
        return plan;
    }

    private record Collected(SourceOutcome outcome, ScopeCounts counts) {
    }

    private Collected collect(RunClaim claim, RunAccount account, AccountClients clients, Task task,
                              Map<String, Instant> watermarks, CheckContext context, AccountSummaries summaries) {
        Optional<String> missing = account.missingAction(task.source());
        if (missing.isPresent()) {
            SourceOutcome denied = new SourceOutcome(task.source(), task.region(), SourceOutcome.Status.ACCESS_DENIED,
                    Optional.of("AccessDenied"), missing, "The Cloudward role lacks " + missing.get()
                    + " (found when the account was verified): update the stack to the current template.",
                    0, 0, Duration.ZERO, Optional.empty());
            summaries.outcome(denied);
            return new Collected(denied, ScopeCounts.NONE);
        }
        collections.acquireUninterruptibly();
        try {
            ScopeUpdate update = findings.begin(claim.tenantId(), claim.awsAccountId(), claim.accountId(), task.region(),
                    task.source().name(), task.source().family() == Source.Family.POSTURE);
            CollectTarget target = new CollectTarget(claim.accountId(), task.region(), clients,
                    Optional.ofNullable(watermarks.get(task.key())), hub.clock());
            SourceOutcome outcome = collectors.collector(task.source())
                    .collect(target, new ScopeSink(update, checks, context, summaries));
            // Only a complete snapshot may resolve what it did not see.
            ScopeCounts counts = outcome.ok() ? update.finish() : update.finishIncomplete();
            summaries.outcome(outcome);
            return new Collected(outcome, counts);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, task + " of account " + claim.accountId() + " in run " + claim.runId(), e);
            SourceOutcome failed = new SourceOutcome(task.source(), task.region(), SourceOutcome.Status.ERROR,
                    Optional.of("InternalError"), Optional.empty(), "Cloudward could not store this collection: "
                    + e.getMessage(), 0, 0, Duration.ZERO, Optional.empty());
            summaries.outcome(failed);
            return new Collected(failed, ScopeCounts.NONE);
        } finally {
            collections.release();
        }
    }

    private ScopeCounts judgeSummary(RunClaim claim, Object fact, CheckContext context) {
        ScopeUpdate update = findings.begin(claim.tenantId(), claim.awsAccountId(), claim.accountId(),
                Source.GLOBAL_REGION, SUMMARY_SOURCES.get(fact.getClass()).name(), true);
        ScopeSink.judge(fact, checks, context, update);
        return update.finish();
    }

    /** Keeps the account summaries {@link AccountSummaries} emits; the per-region facts were judged already. */
    private static final class SummaryFacts implements FactSink {
        private final ConcurrentLinkedQueue<Object> facts = new ConcurrentLinkedQueue<>();

        @Override
        public void snapshot(Object fact) {
            if (SUMMARY_SOURCES.containsKey(fact.getClass())) {
                facts.add(fact);
            }
        }

        @Override
        public void guardDutyFinding(GuardDutyFindingFacts finding) {
        }

        @Override
        public void trailEvent(TrailEventFacts event) {
        }
    }
}
