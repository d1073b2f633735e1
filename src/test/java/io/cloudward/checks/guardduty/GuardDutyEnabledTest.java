package io.cloudward.checks.guardduty;

import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.DetectorFacts;
import org.junit.jupiter.api.Test;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardDutyEnabledTest {

    private final GuardDutyEnabled check = new GuardDutyEnabled();

    @Test
    void passesWhenADetectorExists() {
        CheckResult result = assertResult(check.evaluate(Detectors.enabled("eu-west-1"), context()), PASS, "d-eu-west-1", "eu-west-1");
        assertEquals("d-eu-west-1", result.evidence().get("detectorId"));
    }

    @Test
    void missingDetectorIsAFailingFactNotAnError() {
        CheckResult result = assertResult(check.evaluate(DetectorFacts.absent("eu-west-3"), context()), FAIL,
                "not enabled in eu-west-3", ACCOUNT, "Enable GuardDuty in eu-west-3");
        assertEquals(ResourceRef.accountRegion(ACCOUNT, "eu-west-3"), result.resource());
    }

    @Test
    void resourceStaysTheSameWhetherOrNotTheDetectorExists() {
        assertEquals(check.evaluate(DetectorFacts.absent("eu-west-3"), context()).stableKey(),
                check.evaluate(Detectors.enabled("eu-west-3"), context()).stableKey());
    }

    @Test
    void suspendedDetectorStillExists() {
        assertResult(check.evaluate(Detectors.suspended("eu-west-1"), context()), PASS, "exists");
    }
}
