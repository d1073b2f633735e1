package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The region's GuardDuty detector and its findings. No {@code guardduty} section means no detector.
 *
 * @param status   {@code ENABLED} or {@code DISABLED} (suspended)
 * @param features detector features by name ({@code CLOUD_TRAIL}, {@code DNS_LOGS}, …), all enabled when absent
 */
public record GuardDuty(String detectorId, String status, Instant created, String findingPublishingFrequency,
                        Map<String, String> features, List<Finding> findings) {

    public static final List<String> FEATURE_NAMES = List.of("CLOUD_TRAIL", "DNS_LOGS", "FLOW_LOGS",
            "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "EBS_MALWARE_PROTECTION", "RDS_LOGIN_EVENTS", "LAMBDA_NETWORK_LOGS",
            "RUNTIME_MONITORING");

    public GuardDuty {
        status = status == null ? "ENABLED" : status;
        if (!status.equals("ENABLED") && !status.equals("DISABLED")) {
            throw new IllegalArgumentException("detector status is ENABLED or DISABLED: " + status);
        }
        findingPublishingFrequency = findingPublishingFrequency == null ? "SIX_HOURS" : findingPublishingFrequency;
        features = Lists.orEmpty(features);
        findings = Lists.orEmpty(findings);
    }

    public boolean enabled() {
        return status.equals("ENABLED");
    }

    public String featureStatus(String feature) {
        return features.getOrDefault(feature, "ENABLED");
    }

    public GuardDuty withIdentity(String id, Instant createdAt, List<Finding> normalisedFindings) {
        return new GuardDuty(id, status, createdAt, findingPublishingFrequency, features, normalisedFindings);
    }
}
