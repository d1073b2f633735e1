package io.cloudward.collect.snapshot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** GuardDuty across every region Cloudward covers for the account: one {@link DetectorFacts} per region. */
public record AccountGuardDuty(List<DetectorFacts> regions) {

    public AccountGuardDuty {
        regions = Facts.list(regions, "GuardDuty regions");
        Set<String> seen = new HashSet<>();
        regions.forEach(region -> {
            if (!seen.add(region.region())) {
                throw new IllegalArgumentException("GuardDuty facts list region " + region.region() + " twice");
            }
        });
    }
}
