package io.cloudward.collect;

import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckRegistry;
import io.cloudward.checks.CheckResult;
import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what collectors stream, for assertions, and judges the snapshots with the standard checks. */
final class RecordingSink implements FactSink {

    final List<Object> snapshots = new CopyOnWriteArrayList<>();
    final List<GuardDutyFindingFacts> findings = new CopyOnWriteArrayList<>();
    final List<TrailEventFacts> events = new CopyOnWriteArrayList<>();

    @Override
    public void snapshot(Object fact) {
        snapshots.add(fact);
    }

    @Override
    public void guardDutyFinding(GuardDutyFindingFacts finding) {
        findings.add(finding);
    }

    @Override
    public void trailEvent(TrailEventFacts event) {
        events.add(event);
    }

    <T> List<T> of(Class<T> type) {
        return snapshots.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<CheckResult> judge(String accountId, Instant now) {
        CheckRegistry registry = CheckRegistry.standard();
        CheckContext context = CheckContext.of(now, accountId);
        return snapshots.stream().filter(fact -> !registry.checksFor(fact.getClass()).isEmpty())
                .flatMap(fact -> registry.evaluate(fact, context).stream()).toList();
    }
}
