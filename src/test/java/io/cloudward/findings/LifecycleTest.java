package io.cloudward.findings;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTest {
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static Observation seen(boolean failing, Severity severity) {
        return new Observation(Origin.CHECK, "fp", "RootMfaEnabled", Category.IDENTITY, severity, "title", "sentence",
                "AwsAccount", "root", "111122223333", "global", Map.of(), 1, null, failing);
    }

    private static Lifecycle.Stored stored(FindingStatus status, String reason, Instant until) {
        return new Lifecycle.Stored(UUID.randomUUID(), status, Severity.HIGH, "title", "sentence", "h", 1, null, reason, until, 0);
    }

    private static Suppression rule() {
        Suppression rule = new Suppression();
        rule.id = UUID.randomUUID();
        return rule;
    }

    @Test
    void passOnUnknownOrResolvedIsIgnored() {
        assertEquals(Lifecycle.Kind.IGNORED, Lifecycle.decide(null, seen(false, Severity.HIGH), "h", null, NOW).kind());
        assertEquals(Lifecycle.Kind.IGNORED, Lifecycle.decide(stored(FindingStatus.RESOLVED, null, null),
                seen(false, Severity.HIGH), "h", null, NOW).kind());
    }

    @Test
    void passResolvesOpenAndSuppressed() {
        assertEquals(Lifecycle.Kind.RESOLVED, Lifecycle.decide(stored(FindingStatus.OPEN, null, null),
                seen(false, Severity.HIGH), "h", null, NOW).kind());
        assertEquals(Lifecycle.Kind.RESOLVED, Lifecycle.decide(stored(FindingStatus.SUPPRESSED, "r", null),
                seen(false, Severity.HIGH), "h", null, NOW).kind());
    }

    @Test
    void newFailureUnderARuleIsCreatedSuppressed() {
        var t = Lifecycle.decide(null, seen(true, Severity.HIGH), "h", rule(), NOW);
        assertEquals(Lifecycle.Kind.CREATED, t.kind());
        assertEquals(FindingStatus.SUPPRESSED, t.status());
    }

    @Test
    void sameFailureIsUnchangedAndADifferentOneIsUpdated() {
        assertEquals(Lifecycle.Kind.UNCHANGED, Lifecycle.decide(stored(FindingStatus.OPEN, null, null),
                seen(true, Severity.HIGH), "h", null, NOW).kind());
        var t = Lifecycle.decide(stored(FindingStatus.OPEN, null, null), seen(true, Severity.CRITICAL), "h2", null, NOW);
        assertEquals(Lifecycle.Kind.UPDATED, t.kind());
        assertEquals(Map.of("from", "HIGH", "to", "CRITICAL"), t.changes().get("severity"));
        assertEquals("changed", t.changes().get("evidence"));
    }

    @Test
    void resolvedFailingAgainIsReopenedAndCounted() {
        var t = Lifecycle.decide(stored(FindingStatus.RESOLVED, null, null), seen(true, Severity.HIGH), "h", null, NOW);
        assertEquals(Lifecycle.Kind.REOPENED, t.kind());
        assertEquals(FindingStatus.OPEN, t.status());
        assertEquals(1, t.reopenedCount());
    }

    @Test
    void personSuppressionHoldsUntilItEnds() {
        var held = Lifecycle.decide(stored(FindingStatus.SUPPRESSED, "accepted", NOW.plusSeconds(60)),
                seen(true, Severity.HIGH), "h", null, NOW);
        assertEquals(Lifecycle.Kind.UNCHANGED, held.kind());
        assertFalse(held.rewrite());
        var ended = Lifecycle.decide(stored(FindingStatus.SUPPRESSED, "accepted", NOW.minusSeconds(60)),
                seen(true, Severity.HIGH), "h", null, NOW);
        assertEquals(Lifecycle.Kind.REOPENED, ended.kind());
        assertEquals(FindingStatus.OPEN, ended.status());
        assertEquals(0, ended.reopenedCount(), "the end of a suppression is not a reopening");
        assertTrue(ended.clearPersonSuppression());
    }

    @Test
    void openFindingCaughtByANewRuleIsSuppressed() {
        var t = Lifecycle.decide(stored(FindingStatus.OPEN, null, null), seen(true, Severity.HIGH), "h", rule(), NOW);
        assertEquals(Lifecycle.Kind.SUPPRESSED, t.kind());
    }

    @Test
    void globMatchesRunsOfCharacters() {
        assertTrue(SuppressionRules.glob("sg-dev-*", "sg-dev-1"));
        assertTrue(SuppressionRules.glob("*BitcoinTool*", "CryptoCurrency:EC2/BitcoinTool.B!DNS"));
        assertTrue(SuppressionRules.glob("*", ""));
        assertFalse(SuppressionRules.glob("sg-dev-*", "sg-prod-1"));
        assertFalse(SuppressionRules.glob("a*b", "a-b-c"));
    }
}
