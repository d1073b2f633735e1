package io.cloudward.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertMatchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static AlertEvent finding(String type, String severity, String checkId, String status, String region) {
        ObjectNode e = JSON.createObjectNode().put("eventId", UUID.randomUUID().toString()).put("type", type).put("version", 1)
                .put("tenantId", UUID.randomUUID().toString()).put("accountId", "111122223333").put("region", region)
                .put("occurredAt", Instant.parse("2026-11-23T08:00:00Z").toString());
        e.putObject("data").put("findingId", UUID.randomUUID().toString()).put("fingerprint", "fp-" + checkId)
                .put("checkId", checkId).put("category", "exposure").put("severity", severity).put("title", "t").put("status", status)
                .put("resourceId", "sg-1");
        return AlertEvent.of(e);
    }

    @Test
    void everySetFieldMustHold() {
        AlertEvent e = finding("finding.created", "HIGH", "SecurityGroupOpenDatabasePorts", "OPEN", "eu-west-1");
        assertTrue(new AlertMatch(null, null, null, null, null, null, null, false).matches(e, null), "empty matches all");
        assertTrue(new AlertMatch(List.of("finding.*"), "medium", List.of("EXPOSURE"), List.of("SecurityGroupOpen*"),
                List.of("111122223333"), "prod-*", List.of("eu-west-1"), false).matches(e, "prod-main"));
        assertFalse(new AlertMatch(null, "CRITICAL", null, null, null, null, null, false).matches(e, null));
        assertFalse(new AlertMatch(List.of("finding.resolved"), null, null, null, null, null, null, false).matches(e, null));
        assertFalse(new AlertMatch(null, null, null, List.of("Rds*"), null, null, null, false).matches(e, null));
        assertFalse(new AlertMatch(null, null, null, null, List.of("999999999999"), null, null, false).matches(e, null));
        assertFalse(new AlertMatch(null, null, null, null, null, "prod-*", null, false).matches(e, "staging"));
        assertFalse(new AlertMatch(null, null, null, null, null, null, List.of("us-east-1"), false).matches(e, null));
        assertFalse(new AlertMatch(null, null, null, null, null, null, null, true).matches(e, null), "not part of an incident");
    }

    @Test
    void suppressedFindingsAreNotNews() {
        AlertEvent e = finding("finding.created", "CRITICAL", "RootMfaEnabled", "SUPPRESSED", "global");
        assertFalse(new AlertMatch(null, null, null, null, null, null, null, false).matches(e, null));
        assertEquals(AlertEvent.TicketStep.RESOLVE, e.ticketStep());
    }

    @Test
    void defaultRulesCatchTheWatcherBeingBlinded() {
        AlertMatch blinded = DefaultRules.ALL.stream().filter(d -> d.key().equals("watcher-blinded")).findFirst().orElseThrow().match();
        assertTrue(blinded.matches(finding("finding.created", "HIGH", "DEFENCE_EVASION:StopLogging", "OPEN", "eu-west-1"), null));
        assertTrue(blinded.matches(finding("finding.reopened", "HIGH", "GuardDutyEnabled", "OPEN", "eu-west-3"), null));
        assertFalse(blinded.matches(finding("finding.created", "HIGH", "SecurityGroupOpenSsh", "OPEN", "eu-west-1"), null));
    }

    @Test
    void backoffGrowsWithJitterAndRespectsRetryAfter() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        for (int attempt = 1; attempt <= 5; attempt++) {
            long ceiling = 1000L << (attempt - 1);
            long d = Backoff.delay(attempt, Duration.ofSeconds(1), Duration.ofSeconds(10), null, now).toMillis();
            assertTrue(d >= Math.min(ceiling, 10_000) / 2 && d <= Math.min(ceiling, 10_000), attempt + ": " + d);
        }
        assertEquals(Duration.ofSeconds(120), Backoff.delay(1, Duration.ofSeconds(1), Duration.ofSeconds(10), "120", now));
        assertEquals(Duration.ofSeconds(30), Backoff.delay(1, Duration.ofSeconds(1), Duration.ofSeconds(10),
                "Mon, 23 Nov 2026 08:00:30 GMT", now));
    }

    @Test
    void attemptsAreClassifiedAndSanitized() {
        var ok = Attempt.of(new io.cloudward.integrations.OutboundHttp.Reply(202, "ok", null, 5), List.of());
        assertEquals(Attempt.Outcome.DELIVERED, ok.outcome());
        assertEquals(Attempt.Outcome.RETRY, Attempt.of(new io.cloudward.integrations.OutboundHttp.Reply(503, "", null, 5), List.of()).outcome());
        assertEquals(Attempt.Outcome.RETRY, Attempt.of(new io.cloudward.integrations.OutboundHttp.Reply(429, "", "3", 5), List.of()).outcome());
        assertEquals(Attempt.Outcome.REJECTED, Attempt.of(new io.cloudward.integrations.OutboundHttp.Reply(404, "", null, 5), List.of()).outcome());
        var leaky = Attempt.of(new io.cloudward.integrations.OutboundHttp.Reply(400, "bad key SECRETKEY\u0000" + "x".repeat(5000), null, 5),
                List.of("SECRETKEY"));
        assertFalse(leaky.excerpt().contains("SECRETKEY"));
        assertFalse(leaky.excerpt().contains("\u0000"));
        assertTrue(leaky.excerpt().length() <= Attempt.EXCERPT_MAX);
    }
}
