package io.cloudward.sandbox.estate;

import java.time.Instant;

/** A configuration recorder; {@code lastStatus} is {@code Pending}, {@code Success} or {@code Failure}. */
public record Recorder(String name, boolean recording, Boolean allSupported, Boolean includeGlobalResourceTypes,
                       String lastStatus, Instant lastStartTime, Instant lastStopTime) {

    public Recorder {
        name = name == null ? "default" : name;
        allSupported = allSupported == null || allSupported;
        includeGlobalResourceTypes = includeGlobalResourceTypes != null && includeGlobalResourceTypes;
        lastStatus = lastStatus == null ? (recording ? "Success" : "Failure") : lastStatus;
    }
}
