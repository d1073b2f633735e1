package io.cloudward.collect;

import java.util.EnumSet;
import java.util.Set;

/** What a run collects: one source family, or everything (scan now, first scan after connect). */
public enum RunFamily {
    THREATS, POSTURE, ALL;

    public Set<Source> sources() {
        return switch (this) {
            case THREATS -> Source.of(Source.Family.THREATS);
            case POSTURE -> Source.of(Source.Family.POSTURE);
            case ALL -> EnumSet.allOf(Source.class);
        };
    }
}
