package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * A generated population of customer accounts: {@code accounts} accounts, each with {@code regions}
 * enabled, contents derived from {@code seed}.
 */
public record GeneratedEstate(int accounts, List<String> regions, long seed) {

    public GeneratedEstate {
        if (accounts < 0 || accounts > 1_000_000) {
            throw new IllegalArgumentException("generated accounts must be 0–1,000,000");
        }
        regions = regions == null || regions.isEmpty() ? AwsRegions.ENABLED_BY_DEFAULT : List.copyOf(regions);
        for (String region : regions) {
            if (!AwsRegions.exists(region)) {
                throw new IllegalArgumentException("unknown region " + region);
            }
        }
    }
}
