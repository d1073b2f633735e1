package io.cloudward.checks;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared clock, account and assertions for check tests. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    public static final String ACCOUNT = "123456789012";
    public static final String OTHER_ACCOUNT = "999988887777";

    private Fixtures() {
    }

    public static CheckContext context() {
        return CheckContext.of(NOW, ACCOUNT);
    }

    public static Instant hoursAgo(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    public static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /** Asserts the status and that the sentence contains every fragment, showing the sentence on failure. */
    public static CheckResult assertResult(CheckResult result, CheckStatus status, String... fragments) {
        assertEquals(status, result.status(), () -> "status of: " + result.sentence());
        for (String fragment : fragments) {
            assertTrue(result.sentence().contains(fragment),
                    () -> "expected \"" + fragment + "\" in: " + result.sentence());
        }
        return result;
    }

    public static void assertNotContains(CheckResult result, String fragment) {
        assertTrue(!result.sentence().contains(fragment), () -> "did not expect \"" + fragment + "\" in: " + result.sentence());
    }
}
