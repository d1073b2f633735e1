package io.cloudward.sandbox.estate;

import java.util.List;

/** AWS Config in a region: recorders and the compliance of its rules. */
public record ConfigSetup(List<Recorder> recorders, List<ConfigRule> rules) {

    public static final ConfigSetup EMPTY = new ConfigSetup(null, null);

    public ConfigSetup {
        recorders = Lists.orEmpty(recorders);
        rules = Lists.orEmpty(rules);
    }
}
