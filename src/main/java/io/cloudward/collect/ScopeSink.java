package io.cloudward.collect;

import io.cloudward.checks.Check;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckRegistry;
import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.findings.ScopeUpdate;

/**
 * Where one region × source collection streams: snapshots are judged by the checks taking their type and
 * the results go to the scope's findings; GuardDuty findings and trail-event signals go there directly.
 * Snapshots are also shown to the account's {@link AccountSummaries}, which keep what account-wide checks
 * need. Used by the one thread collecting this scope.
 */
final class ScopeSink implements FactSink {

    private static final System.Logger LOG = System.getLogger(ScopeSink.class.getName());

    private final ScopeUpdate update;
    private final CheckRegistry checks;
    private final CheckContext context;
    private final FactSink summaries;

    ScopeSink(ScopeUpdate update, CheckRegistry checks, CheckContext context, FactSink summaries) {
        this.update = update;
        this.checks = checks;
        this.context = context;
        this.summaries = summaries;
    }

    @Override
    public void snapshot(Object fact) {
        judge(fact, checks, context, update);
        summaries.snapshot(fact);
    }

    @Override
    public void guardDutyFinding(GuardDutyFindingFacts finding) {
        update.accept(finding);
    }

    @Override
    public void trailEvent(TrailEventFacts event) {
        event.signals().forEach(signal -> update.accept(event.event(), signal));
    }

    /** Runs the checks taking {@code fact}; a check that throws is a bug, logged, and the others still judge. */
    @SuppressWarnings("unchecked")
    static <T> void judge(T fact, CheckRegistry checks, CheckContext context, ScopeUpdate update) {
        for (Check<T> check : checks.checksFor((Class<T>) fact.getClass())) {
            try {
                update.accept(check.evaluate(fact, context));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Check " + check.id() + " failed on a " + fact.getClass().getSimpleName()
                        + " of account " + context.accountId(), e);
            }
        }
    }
}
