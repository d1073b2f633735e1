package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GuardDuty in one region: ListDetectors (at most one per account and region) and GetDetector.
 * No detector is a fact, not an error: use {@link #absent(String)}.
 *
 * @param region   the region asked
 * @param detector the detector, empty when ListDetectors returned none
 */
public record DetectorFacts(String region, Optional<Detector> detector) {

    public DetectorFacts {
        Facts.text(region, "GuardDuty region");
        Facts.present(detector, "GuardDuty detector");
    }

    public static DetectorFacts absent(String region) {
        return new DetectorFacts(region, Optional.empty());
    }

    public static DetectorFacts present(String region, Detector detector) {
        return new DetectorFacts(region, Optional.of(detector));
    }

    /** True when a detector exists and its status is ENABLED (not suspended). */
    public boolean monitoring() {
        return detector.map(Detector::enabled).orElse(false);
    }

    /**
     * @param detectorId the detector id
     * @param enabled    GetDetector Status == ENABLED; false means suspended
     * @param features   GetDetector Features (Name, Status, AdditionalConfiguration)
     */
    public record Detector(String detectorId, boolean enabled, List<Feature> features) {
        public Detector {
            Facts.text(detectorId, "GuardDuty detector id");
            features = Facts.list(features, "GuardDuty features");
        }

        /** The feature with this API name (e.g. S3_DATA_EVENTS); empty when the region does not offer it. */
        public Optional<Feature> feature(String name) {
            return features.stream().filter(feature -> feature.name().equals(name)).findFirst();
        }
    }

    /**
     * @param name                    Features[].Name, e.g. S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING
     * @param enabled                 Features[].Status == ENABLED
     * @param additionalConfiguration Features[].AdditionalConfiguration Name → Status == ENABLED
     */
    public record Feature(String name, boolean enabled, Map<String, Boolean> additionalConfiguration) {
        public Feature {
            Facts.text(name, "GuardDuty feature name");
            additionalConfiguration = Map.copyOf(Facts.present(additionalConfiguration, "GuardDuty additional configuration"));
        }

        public static Feature of(String name, boolean enabled) {
            return new Feature(name, enabled, Map.of());
        }
    }
}
