package io.cloudward.sandbox.estate;

import java.time.Instant;

/** An access key of an IAM user or of the root user, as the credential report shows it. */
public record AccessKey(Boolean active, Instant lastRotated, Instant lastUsed, String lastUsedRegion,
                        String lastUsedService) {

    public AccessKey {
        active = active == null || active;
    }
}
