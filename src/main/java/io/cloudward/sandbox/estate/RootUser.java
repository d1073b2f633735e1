package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** The account's root user. */
public record RootUser(boolean mfa, Instant passwordLastUsed, List<AccessKey> accessKeys) {

    public RootUser {
        accessKeys = Lists.orEmpty(accessKeys);
    }
}
