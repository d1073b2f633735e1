package io.cloudward.integrations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;

/** The channel of each destination kind; start-up fails if a kind has none. */
@ApplicationScoped
public class Channels {
    private final Map<DestinationKind, Channel> byKind = new EnumMap<>(DestinationKind.class);

    public Channels(Instance<Channel> channels) {
        channels.forEach(c -> byKind.put(c.kind(), c));
        for (DestinationKind kind : DestinationKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalStateException("no channel for destination kind " + kind);
            }
        }
    }

    public Channel of(DestinationKind kind) {
        return byKind.get(kind);
    }
}
