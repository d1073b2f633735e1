package io.cloudward.findings;

import io.cloudward.checks.CheckResult;
import io.cloudward.checks.events.EventSignal;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one (account, region, source) scope of a run, streamed in: every {@value FindingStore#BATCH_SIZE}
 * observations are written and committed together with their history and events, so memory stays bounded
 * whatever the account's size. {@link #finish()} writes the rest and, for a full snapshot, resolves what the run
 * did not see. Not thread-safe: one collector thread feeds one scope.
 */
public final class ScopeUpdate {
    private final FindingStore store;
    private final Scope scope;
    private final SuppressionRules rules;
    private final List<Observation> pending = new ArrayList<>(FindingStore.BATCH_SIZE);
    private ScopeCounts counts = ScopeCounts.NONE;
    private boolean threatSignals;
    private boolean finished;

    ScopeUpdate(FindingStore store, Scope scope, SuppressionRules rules) {
        this.store = store;
        this.scope = scope;
        this.rules = rules;
    }

    public Scope scope() {
        return scope;
    }

    public ScopeUpdate accept(CheckResult result) {
        return add(store.observations().of(result));
    }

    public ScopeUpdate accept(GuardDutyFindingFacts finding) {
        return add(store.observations().of(finding));
    }

    /** One signal of a watched CloudTrail event (see {@code TrailEventClassifier}); events are never swept. */
    public ScopeUpdate accept(TrailEvent event, EventSignal signal) {
        return add(store.observations().of(scope.accountId(), event, signal, Instant.now()));
    }

    private ScopeUpdate add(Observation seen) {
        if (finished) {
            throw new IllegalStateException("this scope update has finished");
        }
        if (!seen.accountId().equals(scope.accountId())) {
            throw new IllegalArgumentException("A finding of account " + seen.accountId()
                    + " cannot be stored in a scope of account " + scope.accountId());
        }
        threatSignals |= seen.origin() != Origin.CHECK && seen.failing();
        pending.add(seen);
        if (pending.size() >= FindingStore.BATCH_SIZE) {
            flush();
        }
        return this;
    }

    private void flush() {
        if (!pending.isEmpty()) {
            counts = counts.plus(store.write(scope, List.copyOf(pending), rules));
            pending.clear();
        }
    }

    /** Writes what is left, sweeps a full snapshot, correlates threat signals into incidents; returns the counts. */
    public ScopeCounts finish() {
        return finish(true);
    }

    /**
     * Writes what is left and correlates, but resolves nothing: for a collection that did not end OK (a
     * refused or failed call must not resolve the findings it could not see).
     */
    public ScopeCounts finishIncomplete() {
        return finish(false);
    }

    private ScopeCounts finish(boolean complete) {
        flush();
        finished = true;
        if (complete && scope.fullSnapshot()) {
            counts = counts.plus(new ScopeCounts(0, 0, store.sweep(scope), 0, 0, 0, 0));
        }
        if (threatSignals) {
            store.correlate(scope);
        }
        return counts;
    }
}
