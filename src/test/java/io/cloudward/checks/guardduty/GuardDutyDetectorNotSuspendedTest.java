package io.cloudward.checks.guardduty;

import io.cloudward.collect.snapshot.DetectorFacts;
import org.junit.jupiter.api.Test;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;

class GuardDutyDetectorNotSuspendedTest {

    private final GuardDutyDetectorNotSuspended check = new GuardDutyDetectorNotSuspended();

    @Test
    void passesWhenActive() {
        assertResult(check.evaluate(Detectors.enabled("us-east-1"), context()), PASS, "d-us-east-1", "active");
    }

    @Test
    void failsWhenSuspended() {
        assertResult(check.evaluate(Detectors.suspended("us-east-1"), context()), FAIL,
                "d-us-east-1 in us-east-1 is suspended", "UpdateDetector", "re-enable");
    }

    @Test
    void notApplicableWithoutDetector() {
        assertResult(check.evaluate(DetectorFacts.absent("sa-east-1"), context()), NOT_APPLICABLE, "GuardDutyEnabled");
    }
}
