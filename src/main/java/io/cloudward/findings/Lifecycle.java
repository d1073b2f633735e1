package io.cloudward.findings;

import io.cloudward.checks.Severity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The lifecycle rules, as a pure function of what is stored and what was just observed:
 * <ul>
 *   <li>failing and new → CREATED (SUPPRESSED at once when a rule matches);</li>
 *   <li>failing and RESOLVED → REOPENED;</li>
 *   <li>failing and OPEN, and now suppressed → SUPPRESSED; SUPPRESSED and no longer suppressed (rule gone
 *       or expired) → REOPENED with reason suppression-ended (not counted as a reopening);</li>
 *   <li>failing with different severity, title, sentence, evidence or count → UPDATED; otherwise UNCHANGED;</li>
 *   <li>not failing and OPEN or SUPPRESSED → RESOLVED; not failing and unknown or RESOLVED → IGNORED.</li>
 * </ul>
 */
final class Lifecycle {

    /** The stored fields the decision needs (read with a row lock, see {@link FindingWriter}). */
    record Stored(UUID id, FindingStatus status, Severity severity, String title, String description,
                  String evidenceHash, int occurrences, UUID suppressionId, String suppressedReason,
                  Instant suppressedUntil, int reopenedCount) {

        boolean suppressedByPerson(Instant now) {
            return suppressedReason != null && (suppressedUntil == null || suppressedUntil.isAfter(now));
        }
    }

    enum Kind { CREATED, UPDATED, RESOLVED, REOPENED, SUPPRESSED, UNCHANGED, IGNORED }

    /**
     * @param status       the status after the change
     * @param suppressionId the rule that holds the finding, if any
     * @param clearPersonSuppression true when a person's suppression has expired and should be forgotten
     * @param rewrite      an UNCHANGED finding whose stored suppression bookkeeping must still be rewritten
     *                     (no history, no event: nothing a person would call a change)
     * @param changes      what changed, for history and events
     */
    record Transition(Kind kind, FindingStatus status, UUID suppressionId, boolean clearPersonSuppression,
                      boolean rewrite, int reopenedCount, Map<String, Object> changes) {
    }

    private Lifecycle() {
    }

    static Transition decide(Stored stored, Observation seen, String evidenceHash, Suppression rule, Instant now) {
        UUID ruleId = rule == null ? null : rule.id;
        if (!seen.failing()) {
            if (stored == null || stored.status() == FindingStatus.RESOLVED) {
                return new Transition(Kind.IGNORED, null, null, false, false, 0, Map.of());
            }
            return new Transition(Kind.RESOLVED, FindingStatus.RESOLVED, stored.suppressionId(), false, false,
                    stored.reopenedCount(), Map.of("status", change(stored.status(), FindingStatus.RESOLVED)));
        }
        if (stored == null) {
            FindingStatus status = rule == null ? FindingStatus.OPEN : FindingStatus.SUPPRESSED;
            return new Transition(Kind.CREATED, status, ruleId, false, false, 0, Map.of());
        }
        boolean byPerson = stored.suppressedByPerson(now);
        boolean expiredPerson = stored.suppressedReason() != null && !byPerson;
        boolean suppressed = rule != null || byPerson;
        Map<String, Object> changes = contentChanges(stored, seen, evidenceHash);
        int reopened = stored.reopenedCount();
        Kind kind;
        FindingStatus status;
        switch (stored.status()) {
            case RESOLVED -> {
                kind = Kind.REOPENED;
                status = suppressed ? FindingStatus.SUPPRESSED : FindingStatus.OPEN;
                reopened++;
            }
            case OPEN -> {
                kind = suppressed ? Kind.SUPPRESSED : changes.isEmpty() ? Kind.UNCHANGED : Kind.UPDATED;
                status = suppressed ? FindingStatus.SUPPRESSED : FindingStatus.OPEN;
            }
            case SUPPRESSED -> {
                kind = !suppressed ? Kind.REOPENED : changes.isEmpty() ? Kind.UNCHANGED : Kind.UPDATED;
                status = suppressed ? FindingStatus.SUPPRESSED : FindingStatus.OPEN;
                if (!suppressed) {
                    changes.put("reason", "suppression-ended");
                }
            }
            default -> throw new IllegalStateException("unknown status " + stored.status());
        }
        if (status != stored.status()) {
            changes.put("status", change(stored.status(), status));
        }
        boolean rewrite = kind == Kind.UNCHANGED && (expiredPerson || !Objects.equals(ruleId, stored.suppressionId()));
        return new Transition(kind, status, ruleId, expiredPerson, rewrite, reopened, changes);
    }

    private static Map<String, Object> contentChanges(Stored stored, Observation seen, String evidenceHash) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (stored.severity() != seen.severity()) {
            changes.put("severity", change(stored.severity(), seen.severity()));
        }
        if (!stored.title().equals(seen.title())) {
            changes.put("title", change(stored.title(), seen.title()));
        }
        if (!stored.description().equals(seen.description())) {
            changes.put("description", change(stored.description(), seen.description()));
        }
        if (stored.occurrences() != seen.occurrences()) {
            changes.put("occurrences", change(stored.occurrences(), seen.occurrences()));
        }
        if (!stored.evidenceHash().equals(evidenceHash)) {
            changes.put("evidence", "changed");
        }
        return changes;
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", String.valueOf(from));
        change.put("to", String.valueOf(to));
        return change;
    }
}
