package io.cloudward.sandbox.estate;

/**
 * A Config rule's compliance: {@code COMPLIANT}, {@code NON_COMPLIANT} or {@code INSUFFICIENT_DATA}.
 */
public record ConfigRule(String name, String compliance, Integer nonCompliantResources) {

    public ConfigRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a config rule needs a name");
        }
        compliance = compliance == null ? "COMPLIANT" : compliance;
        nonCompliantResources = nonCompliantResources == null
                ? (compliance.equals("NON_COMPLIANT") ? 1 : 0) : nonCompliantResources;
    }
}
