package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * AWS Config in one region: DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus for the
 * customer-managed recorder (service-linked recorders that other services create are not the customer's).
 *
 * @param region   the region asked
 * @param recorder the recorder, empty when the region has none
 */
public record ConfigRecorderFacts(String region, Optional<Recorder> recorder) {

    public ConfigRecorderFacts {
        Facts.text(region, "Config region");
        Facts.present(recorder, "Config recorder");
    }

    public static ConfigRecorderFacts absent(String region) {
        return new ConfigRecorderFacts(region, Optional.empty());
    }

    public static ConfigRecorderFacts present(String region, Recorder recorder) {
        return new ConfigRecorderFacts(region, Optional.of(recorder));
    }

    /**
     * @param name                        recorder name
     * @param recording                   status.recording
     * @param lastStatus                  status.lastStatus: Pending, Success, Failure or NotApplicable
     * @param lastErrorCode               status.lastErrorCode when the last delivery failed
     * @param allSupported                recordingGroup.allSupported
     * @param includeGlobalResourceTypes  recordingGroup.includeGlobalResourceTypes (IAM users, roles, policies…)
     * @param recordingStrategy           recordingGroup.recordingStrategy.useOnly, e.g. ALL_SUPPORTED_RESOURCE_TYPES
     * @param excludedResourceTypes       recordingGroup.exclusionByResourceTypes.resourceTypes
     */
    public record Recorder(String name, boolean recording, Optional<String> lastStatus, Optional<String> lastErrorCode,
                           boolean allSupported, boolean includeGlobalResourceTypes,
                           Optional<String> recordingStrategy, List<String> excludedResourceTypes) {
        public Recorder {
            Facts.text(name, "Config recorder name");
            Facts.present(lastStatus, "Config recorder last status");
            Facts.present(lastErrorCode, "Config recorder last error code");
            Facts.present(recordingStrategy, "Config recording strategy");
            excludedResourceTypes = Facts.list(excludedResourceTypes, "excluded resource types");
        }
    }
}
