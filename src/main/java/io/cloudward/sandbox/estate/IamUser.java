package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** An IAM user: console password, MFA and access keys are what the checks judge. */
public record IamUser(String name, Instant created, boolean passwordEnabled, Instant passwordLastUsed,
                      Instant passwordLastChanged, boolean mfa, List<AccessKey> accessKeys) {

    public IamUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an IAM user needs a name");
        }
        accessKeys = Lists.orEmpty(accessKeys);
        if (accessKeys.size() > 2) {
            throw new IllegalArgumentException("IAM user " + name + " has more than two access keys");
        }
    }
}
