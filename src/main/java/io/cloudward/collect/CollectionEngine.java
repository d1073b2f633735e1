package io.cloudward.collect;

import io.cloudward.onboarding.Onboarding;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.UUID;

/**
 * This instance's part of collection: every tick it fails runs that overstayed, queues due runs and lets
 * its {@link RunWorker} claim what it has room for. A newly connected account gets its first run at once.
 */
@ApplicationScoped
public class CollectionEngine {

    private static final System.Logger LOG = System.getLogger(CollectionEngine.class.getName());

    private final RunLeases leases;
    private final ScanService scans;
    private final CollectionConfig config;
    private final RunWorker worker;

    public CollectionEngine(RunLeases leases, RunExecutor executor, ScanService scans, CollectionConfig config) {
        this.leases = leases;
        this.scans = scans;
        this.config = config;
        this.worker = new RunWorker(config.instanceId().orElseGet(() -> "cloudward-" + UUID.randomUUID()), leases,
                executor, config.lease(), config.heartbeat(), config.runsPerInstance());
    }

    @Scheduled(every = "${cloudward.collect.tick:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WorkerDisabled.class)
    void tick() {
        int expired = leases.expire(config.maxRunDuration(), config.maxAttempts());
        int created = leases.createDueRuns(config.threatsInterval(), config.postureInterval());
        int claimed = worker.poll().size();
        if (expired + created + claimed > 0) {
            LOG.log(System.Logger.Level.DEBUG, "collection tick on " + worker.owner() + ": " + expired + " expired, "
                    + created + " queued, " + claimed + " claimed");
        }
    }

    /** The first scan starts as soon as the account is connected, not at the next schedule. */
    void onConnected(@Observes(during = TransactionPhase.AFTER_SUCCESS) Onboarding.AccountConnected connected) {
        scans.queueFirstScan(connected.tenantId(), connected.accountId());
        if (config.workerEnabled()) {
            worker.poll();
        }
    }

    public RunWorker worker() {
        return worker;
    }

    /** Skips the tick where this instance does not collect (tests drive workers themselves). */
    @ApplicationScoped
    public static class WorkerDisabled implements Scheduled.SkipPredicate {
        private final CollectionConfig config;

        public WorkerDisabled(CollectionConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.workerEnabled();
        }
    }
}
