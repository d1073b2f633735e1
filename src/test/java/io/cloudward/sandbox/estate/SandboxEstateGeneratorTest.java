package io.cloudward.sandbox.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxEstateGeneratorTest {

    private static final Instant START = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void theSameSeedGivesTheSameEstate() {
        Estate first = generated(7, 30);
        Estate second = generated(7, 30);
        for (String id : first.accountIds(0, 30)) {
            assertEquals(first.account(id), second.account(id));
            for (String region : List.of("eu-west-1", "us-east-1")) {
                assertEquals(summary(first.region(id, region)), summary(second.region(id, region)));
            }
        }
        Estate other = generated(8, 30);
        assertNotEquals(first.account(first.accountIds(0, 1).get(0)).orElseThrow().role("CloudwardSecurityAudit"),
                other.account(other.accountIds(0, 1).get(0)).orElseThrow().role("CloudwardSecurityAudit"));
    }

    @Test
    void aRegionRebuiltLaterEqualsOneFollowedHourByHour() {
        SandboxClock followedClock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
        Estate followed = new Estate(followedClock, 1);
        followed.generate(new GeneratedEstate(5, List.of("eu-west-1"), 3));
        SandboxClock jumpClock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
        Estate jumped = new Estate(jumpClock, 1);
        jumped.generate(new GeneratedEstate(5, List.of("eu-west-1"), 3));
        String id = followed.accountIds(0, 1).get(0);
        for (int hour = 0; hour < 72; hour++) {
            followed.region(id, "eu-west-1");
            followedClock.advance(Duration.ofHours(1));
        }
        jumpClock.advance(Duration.ofHours(72));
        assertEquals(summary(followed.region(id, "eu-west-1")), summary(jumped.region(id, "eu-west-1")));
    }

    @Test
    void generatedAccountsHaveHistoryAndRoles() {
        Estate estate = generated(42, 200);
        assertEquals(200, estate.accountCount());
        long withFindings = estate.accountIds(0, 200).stream()
                .filter(id -> estate.region(id, "eu-west-1").findings().size() + estate.region(id, "us-east-1")
                        .findings().size() > 0)
                .count();
        assertTrue(withFindings > 20, "accounts with findings: " + withFindings);
        long withoutExternalId = estate.accountIds(0, 200).stream()
                .filter(id -> estate.role(id, "CloudwardSecurityAudit").orElseThrow().externalId() == null).count();
        assertTrue(withoutExternalId > 0 && withoutExternalId < 20);
        assertEquals("500000000199", estate.accountIds(199, 1).get(0));
    }

    private static Estate generated(long seed, int accounts) {
        Estate estate = new Estate(new SandboxClock(Clock.fixed(START, ZoneOffset.UTC)), 1);
        estate.generate(new GeneratedEstate(accounts, List.of("eu-west-1", "us-east-1"), seed));
        return estate;
    }

    private static String summary(RegionView view) {
        return view.spec() + "|" + view.findings() + "|" + view.backupJobs() + "|" + view.recoveryPoints();
    }
}
