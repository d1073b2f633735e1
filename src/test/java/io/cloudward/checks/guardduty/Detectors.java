package io.cloudward.checks.guardduty;

import io.cloudward.collect.snapshot.DetectorFacts;

import java.util.List;

/** Builds GuardDuty facts for tests. */
final class Detectors {

    private Detectors() {
    }

    static DetectorFacts enabled(String region, DetectorFacts.Feature... features) {
        return DetectorFacts.present(region, new DetectorFacts.Detector("d-" + region, true, List.of(features)));
    }

    static DetectorFacts suspended(String region, DetectorFacts.Feature... features) {
        return DetectorFacts.present(region, new DetectorFacts.Detector("d-" + region, false, List.of(features)));
    }
}
