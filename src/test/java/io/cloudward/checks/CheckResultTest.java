package io.cloudward.checks;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CheckResultTest {

    private final ResourceRef region = ResourceRef.accountRegion(Fixtures.ACCOUNT, "eu-west-3");

    @Test
    void stableKeyIgnoresTheSentence() {
        CheckResult yesterday = new CheckResult("GuardDutyEnabled", CheckStatus.FAIL, region, "off", Evidence.none(), null);
        CheckResult today = new CheckResult("GuardDutyEnabled", CheckStatus.PASS, region, "on now", Evidence.none(), null);
        assertEquals(yesterday.stableKey(), today.stableKey());
        assertEquals("GuardDutyEnabled|123456789012|eu-west-3|AwsAccount|AWS::::Account:123456789012", today.stableKey());
    }

    @Test
    void requiresASentenceAndNamesTheCheck() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CheckResult("X", CheckStatus.PASS, region, " ", Evidence.none(), null));
        assertEquals("Check X produced a result without a sentence", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CheckResult("X", CheckStatus.PASS, region, "ok", Evidence.none(), ""));
    }

    @Test
    void evidenceIsOrderedAndJsonFriendly() {
        Map<String, Object> evidence = Evidence.with("b", Optional.of("x")).and("a", Instant.parse("2025-01-01T00:00:00Z"))
                .and("absent", Optional.empty()).and("list", List.of(1, 2)).and("flag", true).and("status", CheckStatus.FAIL).build();
        assertEquals(List.of("b", "a", "list", "flag", "status"), List.copyOf(evidence.keySet()));
        assertEquals("2025-01-01T00:00:00Z", evidence.get("a"));
        assertEquals(List.of("1", "2"), evidence.get("list"));
        assertEquals("FAIL", evidence.get("status"));
        assertThrows(IllegalArgumentException.class, () -> Evidence.with("x", new Object()));
    }

    @Test
    void resourcesNeedEveryPart() {
        assertThrows(IllegalArgumentException.class, () -> ResourceRef.of("AwsS3Bucket", "", "eu-west-1", Fixtures.ACCOUNT));
        assertEquals(ResourceRef.GLOBAL, ResourceRef.account(Fixtures.ACCOUNT).region());
    }

    @Test
    void contextRequiresATwelveDigitAccount() {
        assertThrows(IllegalArgumentException.class, () -> CheckContext.of(Fixtures.NOW, "12345"));
    }
}
