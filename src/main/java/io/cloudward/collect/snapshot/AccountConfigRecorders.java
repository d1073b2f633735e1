package io.cloudward.collect.snapshot;

import java.util.List;

/** AWS Config recorders across the covered regions, for account-wide questions (global resource types). */
public record AccountConfigRecorders(List<ConfigRecorderFacts> regions) {

    public AccountConfigRecorders {
        regions = Facts.list(regions, "Config regions");
        if (regions.stream().map(ConfigRecorderFacts::region).distinct().count() != regions.size()) {
            throw new IllegalArgumentException("Config recorder facts must list each region once");
        }
    }
}
