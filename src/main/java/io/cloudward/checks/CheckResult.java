package io.cloudward.checks;

import java.util.Map;
import java.util.Objects;

/**
 * One verdict on one resource.
 *
 * @param checkId  the check's id (its class name and metadata key)
 * @param status   PASS, FAIL, NOT_APPLICABLE or INFO
 * @param resource what the verdict is about
 * @param sentence what a person should know and do, naming the concrete resource and values
 * @param evidence the facts the verdict was based on
 * @param variant  a named variant declared in the check's metadata that changes the severity, e.g. EXPOSED
 *                 for a security group that is reachable, or null for the check's base severity
 */
public record CheckResult(String checkId, CheckStatus status, ResourceRef resource, String sentence,
                          Map<String, Object> evidence, String variant) {

    public CheckResult {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resource, "resource");
        if (sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("Check " + checkId + " produced a result without a sentence");
        }
        evidence = Evidence.copyOf(Objects.requireNonNull(evidence, "evidence"));
        if (variant != null && variant.isBlank()) {
            throw new IllegalArgumentException("Check " + checkId + " produced a blank variant; use null for none");
        }
    }

    public CheckResult withVariant(String variantName) {
        return new CheckResult(checkId, status, resource, sentence, evidence, variantName);
    }

    /** The identity of this verdict across scans: the same check on the same resource in the same place. */
    public String stableKey() {
        return String.join("|", checkId, resource.accountId(), resource.region(), resource.type(), resource.id());
    }
}
