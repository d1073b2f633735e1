package io.cloudward.sandbox.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFaultRuleTest {

    @Test
    void parsesTheConfigurationForm() {
        FaultRule rule = FaultRule.parse("throttle account=111111111111 service=guardduty operation=ListFindings rate=0.25");
        assertEquals(FaultKind.THROTTLE, rule.kind());
        assertEquals(0.25, rule.rate());
        assertTrue(rule.matches("111111111111", "eu-west-1", "guardduty", "ListFindings"));
        assertEquals(false, rule.matches("111111111111", "eu-west-1", "guardduty", "GetFindings"));
        assertEquals(503, FaultRule.parse("server-error status=503").status());
        assertThrows(IllegalArgumentException.class, () -> FaultRule.parse("latency"));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.parse("throttle rate=2"));
        assertThrows(IllegalArgumentException.class, () -> FaultRule.parse("throttle colour=red"));
    }

    @Test
    void aRateFiresEvenlyOverMatchingCalls() {
        Faults faults = new Faults();
        faults.add(FaultRule.parse("throttle rate=0.5"));
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            pattern.append(faults.fire("1", "r", "s", "o").isEmpty() ? '.' : 'T');
        }
        assertEquals(".T.T.T", pattern.toString());
        faults.add(FaultRule.parse("latency millis=5 service=other"));
        assertEquals(List.of(), faults.fire("1", "r", "s", "o").stream().filter(r -> r.kind() == FaultKind.LATENCY).toList());
    }

    @Test
    void tokenBucketsRefillOverTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(20, 2);
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertEquals(false, limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"), "each key has its own bucket");
        Thread.sleep(120);
        assertTrue(limiter.tryAcquire("a"));
    }
}
