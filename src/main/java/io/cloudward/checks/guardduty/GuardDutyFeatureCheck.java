package io.cloudward.checks.guardduty;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.DetectorFacts;

import java.util.List;
import java.util.Optional;

/**
 * A GuardDuty protection plan (detector feature) is on. Regions that do not offer the feature, and regions
 * without a detector, are not applicable: the detector checks already report those.
 */
abstract class GuardDutyFeatureCheck extends AbstractCheck<DetectorFacts> {

    private final List<String> featureNames;
    private final String protection;
    private final String watches;

    /**
     * @param protection   the plan's name as the console shows it, e.g. "S3 Protection"
     * @param watches      what it watches, completing "…, so GuardDuty does not watch …"
     * @param featureNames API feature names, any of which enabled counts (newer names first)
     */
    GuardDutyFeatureCheck(String protection, String watches, String... featureNames) {
        super(DetectorFacts.class);
        this.featureNames = List.of(featureNames);
        this.protection = protection;
        this.watches = watches;
    }

    @Override
    public final CheckResult evaluate(DetectorFacts facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        if (facts.detector().isEmpty()) {
            return notApplicable(resource, "GuardDuty is not enabled in " + facts.region() + ", so " + protection
                    + " cannot be; GuardDutyEnabled reports the missing detector.", Evidence.with("detector", "none").build());
        }
        DetectorFacts.Detector detector = facts.detector().get();
        List<DetectorFacts.Feature> offered = featureNames.stream().map(detector::feature).flatMap(Optional::stream).toList();
        if (offered.isEmpty()) {
            return notApplicable(resource, "GuardDuty does not offer " + protection + " in " + facts.region() + ".",
                    Evidence.with("detectorId", detector.detectorId()).and("feature", featureNames).build());
        }
        Optional<DetectorFacts.Feature> enabled = offered.stream().filter(DetectorFacts.Feature::enabled).findFirst();
        if (enabled.isPresent()) {
            return pass(resource, "GuardDuty " + protection + " is enabled on detector " + detector.detectorId()
                    + " in " + facts.region() + ".", Evidence.with("detectorId", detector.detectorId())
                    .and("feature", enabled.get().name()).and("status", "ENABLED")
                    .and("additionalConfiguration", enabled.get().additionalConfiguration().entrySet().stream()
                            .map(e -> e.getKey() + (e.getValue() ? " ENABLED" : " DISABLED")).sorted().toList()).build());
        }
        return fail(resource, "GuardDuty " + protection + " is off on detector " + detector.detectorId() + " in "
                + facts.region() + ", so GuardDuty does not watch " + watches + ". Turn on " + protection
                + " in the GuardDuty console for " + facts.region() + ".",
                Evidence.with("detectorId", detector.detectorId())
                        .and("feature", offered.stream().map(DetectorFacts.Feature::name).toList())
                        .and("status", "DISABLED").build());
    }
}
