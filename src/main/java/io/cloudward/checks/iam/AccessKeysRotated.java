package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.CredentialReportRow.AccessKey;
import io.cloudward.collect.snapshot.UserCredentials;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Old keys have had years to end up in a laptop backup, a CI log or a public repository. */
public final class AccessKeysRotated extends AbstractCheck<UserCredentials> {

    public AccessKeysRotated() {
        super(UserCredentials.class);
    }

    @Override
    public CheckResult evaluate(UserCredentials user, CheckContext context) {
        CredentialReportRow row = user.row();
        int maxAgeDays = context.thresholds().accessKeyMaxAgeDays();
        Instant oldest = context.now().minus(Duration.ofDays(maxAgeDays));
        List<AccessKey> active = row.activeAccessKeys();
        List<AccessKey> stale = active.stream()
                .filter(key -> key.lastRotated().filter(rotated -> rotated.isBefore(oldest)).isPresent()).toList();
        var evidence = Evidence.with("activeAccessKeys", active.stream().map(AccessKey::slot).toList())
                .and("staleAccessKeys", stale.stream().map(AccessKey::slot).toList()).and("maxAgeDays", maxAgeDays).build();
        var resource = IamResources.user(row, context.accountId());
        if (active.isEmpty()) {
            return pass(resource, "IAM user " + row.user() + " has no active access keys.", evidence);
        }
        if (stale.isEmpty()) {
            return pass(resource, "The active access keys of IAM user " + row.user() + " are younger than "
                    + maxAgeDays + " days.", evidence);
        }
        List<String> described = stale.stream().map(key -> "access key " + key.slot() + " (created or rotated "
                + Phrases.day(key.lastRotated().get()) + ", " + Phrases.ago(key.lastRotated().get(), context.now()) + ")").toList();
        return fail(resource, "IAM user " + row.user() + " has " + Phrases.list(described, 2) + ", older than "
                + maxAgeDays + " days. Create a new key, move its users to it, then deactivate and delete the old one "
                + "(or replace the key with an IAM role).", evidence);
    }
}
