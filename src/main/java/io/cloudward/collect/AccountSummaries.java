package io.cloudward.collect;

import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.AccountBackupPlans;
import io.cloudward.collect.snapshot.AccountConfigRecorders;
import io.cloudward.collect.snapshot.AccountGuardDuty;
import io.cloudward.collect.snapshot.AccountTrails;
import io.cloudward.collect.snapshot.BackupPlanFacts;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;
import io.cloudward.collect.snapshot.DetectorFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.collect.snapshot.TrailFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes every fact through to a sink and keeps the few per-region facts that account-wide checks need
 * (one detector, one recorder, the home-region trails and the backup plans per region: kilobytes, however
 * large the account), then adds the account summaries ({@link AccountGuardDuty}, {@link AccountTrails},
 * {@link AccountConfigRecorders}, {@link AccountBackupPlans}) once every region has been collected.
 *
 * <p>A summary is only as true as its least successful region: "no multi-region trail" from a run where
 * one region was denied would be a false alarm, so a summary is emitted only when its source ended OK or
 * PARTIAL in every region. Thread-safe: sources of one account may run in parallel.
 */
public final class AccountSummaries implements FactSink {

    private final FactSink downstream;
    private final List<DetectorFacts> detectors = new ArrayList<>();
    private final List<ConfigRecorderFacts> recorders = new ArrayList<>();
    private final List<TrailFacts> trails = new ArrayList<>();
    private final List<BackupPlanFacts> plans = new ArrayList<>();
    private final Set<Source> collected = ConcurrentHashMap.newKeySet();
    private final Set<Source> incomplete = ConcurrentHashMap.newKeySet();

    public AccountSummaries(FactSink downstream) {
        this.downstream = downstream;
    }

    @Override
    public void snapshot(Object fact) {
        synchronized (this) {
            switch (fact) {
                case DetectorFacts detector -> detectors.add(detector);
                case ConfigRecorderFacts recorder -> recorders.add(recorder);
                case TrailFacts trail -> trails.add(trail);
                case BackupPlanFacts plan -> plans.add(plan);
                default -> { }
            }
        }
        downstream.snapshot(fact);
    }

    @Override
    public void guardDutyFinding(GuardDutyFindingFacts finding) {
        downstream.guardDutyFinding(finding);
    }

    @Override
    public void trailEvent(TrailEventFacts event) {
        downstream.trailEvent(event);
    }

    /** Notes how a source ended in a region; call it for every collection of the account. */
    public void outcome(SourceOutcome outcome) {
        collected.add(outcome.source());
        if (outcome.status() != SourceOutcome.Status.OK && outcome.status() != SourceOutcome.Status.PARTIAL) {
            incomplete.add(outcome.source());
        }
    }

    /**
     * Emits the account summaries whose sources were collected and completed everywhere.
     *
     * @param regions the regions collected (an account summary names where nothing was found)
     */
    public synchronized void finish(List<String> regions) {
        Set<Source> complete = collected.isEmpty() ? EnumSet.noneOf(Source.class) : EnumSet.copyOf(collected);
        complete.removeAll(incomplete);
        if (complete.contains(Source.GUARDDUTY_DETECTORS) && !detectors.isEmpty()) {
            downstream.snapshot(new AccountGuardDuty(detectors));
        }
        if (complete.contains(Source.CONFIG) && !recorders.isEmpty()) {
            downstream.snapshot(new AccountConfigRecorders(recorders));
        }
        if (complete.contains(Source.CLOUDTRAIL_TRAILS)) {
            downstream.snapshot(new AccountTrails(trails));
        }
        if (complete.contains(Source.BACKUP)) {
            downstream.snapshot(new AccountBackupPlans(regions, plans));
        }
    }
}
