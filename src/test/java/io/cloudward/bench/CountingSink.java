package io.cloudward.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudward.checks.Check;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckRegistry;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stands where {@code ScopeSink} + {@code ScopeUpdate} stand in a run, minus PostgreSQL (the store's own benchmark is
 * still to be written): judges each snapshot with the checks taking it, and for every result,
 * GuardDuty finding and trail signal does the per-row work the store does before it writes — canonical
 * evidence JSON and its SHA-256 — keeping rows in batches of the store's size. One per region × source.
 */
final class CountingSink implements FactSink {

    static final int BATCH_SIZE = 500; // FindingStore.BATCH_SIZE
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    /** Totals across every sink of a cycle. */
    static final class Totals {
        final LongAdder checkResults = new LongAdder();
        final LongAdder guardDutyFindings = new LongAdder();
        final LongAdder trailSignals = new LongAdder();
        final LongAdder batches = new LongAdder();

        long rows() {
            return checkResults.sum() + guardDutyFindings.sum() + trailSignals.sum();
        }
    }

    private final CheckRegistry checks;
    private final CheckContext context;
    private final FactSink summaries;
    private final Totals totals;
    private final List<String> pending = new ArrayList<>(BATCH_SIZE);

    CountingSink(CheckRegistry checks, CheckContext context, FactSink summaries, Totals totals) {
        this.checks = checks;
        this.context = context;
        this.summaries = summaries;
        this.totals = totals;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void snapshot(Object fact) {
        for (Check<Object> check : checks.checksFor((Class<Object>) fact.getClass())) {
            var result = check.evaluate(fact, context);
            totals.checkResults.increment();
            row(result.stableKey(), result.evidence());
        }
        if (summaries != null) {
            summaries.snapshot(fact);
        }
    }

    @Override
    public void guardDutyFinding(GuardDutyFindingFacts finding) {
        totals.guardDutyFindings.increment();
        row(finding.id(), finding.evidence());
    }

    @Override
    public void trailEvent(TrailEventFacts event) {
        event.signals().forEach(signal -> {
            totals.trailSignals.increment();
            row(event.eventId() + signal.kind(), signal);
        });
    }

    /** Writes the last batch (FindingStore: at finish). */
    void finish() {
        flush();
    }

    private void row(String key, Object evidence) {
        try {
            String json = JSON.writeValueAsString(evidence);
            pending.add(sha256(key) + sha256(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        if (pending.size() >= BATCH_SIZE) {
            flush();
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            totals.batches.increment();
            pending.clear();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
