package io.cloudward.checks.guardduty;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.DetectorFacts;

/** A suspended detector looks configured but analyses nothing: a favourite first move of an intruder. */
public final class GuardDutyDetectorNotSuspended extends AbstractCheck<DetectorFacts> {

    public GuardDutyDetectorNotSuspended() {
        super(DetectorFacts.class);
    }

    @Override
    public CheckResult evaluate(DetectorFacts facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        if (facts.detector().isEmpty()) {
            return notApplicable(resource, "There is no GuardDuty detector in " + facts.region()
                    + " to suspend; GuardDutyEnabled reports the missing detector.", Evidence.with("detector", "none").build());
        }
        DetectorFacts.Detector detector = facts.detector().get();
        var evidence = Evidence.with("detectorId", detector.detectorId()).and("status", detector.enabled() ? "ENABLED" : "DISABLED").build();
        if (detector.enabled()) {
            return pass(resource, "GuardDuty detector " + detector.detectorId() + " in " + facts.region()
                    + " is active.", evidence);
        }
        return fail(resource, "GuardDuty detector " + detector.detectorId() + " in " + facts.region()
                + " is suspended: it analyses nothing and raises no findings. Check CloudTrail for the UpdateDetector "
                + "call that suspended it, then re-enable the detector.", evidence);
    }
}
