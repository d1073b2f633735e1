package io.cloudward.checks.guardduty;

import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountGuardDuty;
import io.cloudward.collect.snapshot.DetectorFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.assertNotContains;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GuardDutyEnabledInAllRegionsTest {

    private final GuardDutyEnabledInAllRegions check = new GuardDutyEnabledInAllRegions();

    @Test
    void passesWhenEveryRegionIsWatched() {
        CheckResult result = assertResult(check.evaluate(new AccountGuardDuty(List.of(Detectors.enabled("eu-west-1"),
                Detectors.enabled("us-east-1"))), context()), PASS, "all 2 covered regions");
        assertEquals(ResourceRef.account(ACCOUNT), result.resource());
    }

    @Test
    void namesMissingAndSuspendedRegions() {
        CheckResult result = assertResult(check.evaluate(new AccountGuardDuty(List.of(Detectors.enabled("eu-west-1"),
                        DetectorFacts.absent("eu-west-3"), DetectorFacts.absent("ap-south-1"), Detectors.suspended("us-east-1"))),
                context()), FAIL, "3 of 4 regions", "no detector in ap-south-1 and eu-west-3", "suspended in us-east-1");
        assertNotContains(result, "eu-west-1;");
        assertEquals(List.of("ap-south-1", "eu-west-3"), result.evidence().get("withoutDetector"));
    }

    @Test
    void onlyMissingRegionsAreMentionedWhenNoneIsSuspended() {
        CheckResult result = assertResult(check.evaluate(new AccountGuardDuty(List.of(DetectorFacts.absent("eu-west-3"))),
                context()), FAIL, "no detector in eu-west-3.");
        assertNotContains(result, "suspended");
    }

    @Test
    void notApplicableWhenNoRegionWasScanned() {
        assertResult(check.evaluate(new AccountGuardDuty(List.of()), context()), NOT_APPLICABLE);
    }

    @Test
    void rejectsTheSameRegionTwice() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccountGuardDuty(List.of(DetectorFacts.absent("eu-west-1"), DetectorFacts.absent("eu-west-1"))));
    }
}
