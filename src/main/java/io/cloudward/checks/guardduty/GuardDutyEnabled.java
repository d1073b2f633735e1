package io.cloudward.checks.guardduty;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.DetectorFacts;

/** GuardDuty has a detector in the region; without one, threats there go unseen. */
public final class GuardDutyEnabled extends AbstractCheck<DetectorFacts> {

    public GuardDutyEnabled() {
        super(DetectorFacts.class);
    }

    @Override
    public CheckResult evaluate(DetectorFacts facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        return facts.detector()
                .map(detector -> pass(resource, "GuardDuty detector " + detector.detectorId() + " exists in "
                        + facts.region() + ".", Evidence.with("detectorId", detector.detectorId())
                        .and("detectorEnabled", detector.enabled()).build()))
                .orElseGet(() -> fail(resource, "GuardDuty is not enabled in " + facts.region() + " of account "
                        + context.accountId() + ": no detector exists, so attacks in this region raise no findings. "
                        + "Enable GuardDuty in " + facts.region() + ".", Evidence.with("detector", "none").build()));
    }
}
