package io.cloudward.collect.guardduty;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.DetectorFacts;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.DetectorFeatureConfigurationResult;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;

/** The region's GuardDuty detector (at most one), its status and protection features; none is a fact too. */
public final class GuardDutyDetectorsCollector extends AwsSourceCollector {

    private static final String ENABLED = "ENABLED";

    @Override
    public Source source() {
        return Source.GUARDDUTY_DETECTORS;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        GuardDutyClient guardDuty = run.clients().guardDuty(run.sdkRegion());
        List<String> ids = run.call("guardduty:ListDetectors", () -> guardDuty.listDetectors().detectorIds());
        run.seen(1);
        if (ids.isEmpty()) {
            sink.snapshot(DetectorFacts.absent(run.region()));
            return;
        }
        String detectorId = ids.getFirst();
        GetDetectorResponse detector = run.call("guardduty:GetDetector",
                () -> guardDuty.getDetector(request -> request.detectorId(detectorId)));
        List<DetectorFacts.Feature> features = detector.features().stream().map(GuardDutyDetectorsCollector::feature)
                .toList();
        sink.snapshot(DetectorFacts.present(run.region(), new DetectorFacts.Detector(detectorId,
                detector.status() == DetectorStatus.ENABLED, features)));
    }

    private static DetectorFacts.Feature feature(DetectorFeatureConfigurationResult feature) {
        Map<String, Boolean> additional = feature.additionalConfiguration().stream().collect(Collectors.toMap(
                configuration -> configuration.nameAsString(), configuration -> ENABLED.equals(configuration.statusAsString()),
                (first, second) -> first));
        return new DetectorFacts.Feature(feature.nameAsString(), ENABLED.equals(feature.statusAsString()), additional);
    }
}
