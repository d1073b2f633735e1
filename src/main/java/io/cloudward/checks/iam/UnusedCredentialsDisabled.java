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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Passwords and keys nobody uses still work for whoever finds them; leavers' credentials are the usual case.
 * A credential never used counts from when it was created.
 */
public final class UnusedCredentialsDisabled extends AbstractCheck<UserCredentials> {

    public UnusedCredentialsDisabled() {
        super(UserCredentials.class);
    }

    @Override
    public CheckResult evaluate(UserCredentials user, CheckContext context) {
        CredentialReportRow row = user.row();
        int days = context.thresholds().unusedCredentialDays();
        Instant cutoff = context.now().minus(Duration.ofDays(days));
        List<String> unused = new ArrayList<>();
        if (row.passwordEnabled()) {
            passwordActivity(row).filter(t -> t.isBefore(cutoff)).ifPresent(t -> unused.add("a console password "
                    + (row.passwordLastUsed().isPresent() ? "last used " : "never used, set ") + Phrases.day(t)));
        }
        for (AccessKey key : row.activeAccessKeys()) {
            key.lastActivity().filter(t -> t.isBefore(cutoff)).ifPresent(t -> unused.add("access key " + key.slot()
                    + (key.lastUsed().isPresent() ? " last used " : " never used, created ") + Phrases.day(t)));
        }
        var evidence = Evidence.with("unusedCredentials", unused).and("thresholdDays", days)
                .and("passwordLastUsed", row.passwordLastUsed())
                .and("accessKey1LastUsed", row.accessKey1().lastUsed()).and("accessKey2LastUsed", row.accessKey2().lastUsed())
                .build();
        var resource = IamResources.user(row, context.accountId());
        if (!row.passwordEnabled() && row.activeAccessKeys().isEmpty()) {
            return pass(resource, "IAM user " + row.user() + " has no enabled password or active access key.", evidence);
        }
        if (unused.isEmpty()) {
            return pass(resource, "Every enabled credential of IAM user " + row.user() + " was used in the last "
                    + days + " days.", evidence);
        }
        return fail(resource, "IAM user " + row.user() + " has " + Phrases.list(unused, 3) + ", unused for more than "
                + days + " days. Disable the password or deactivate the key; delete the user if nobody needs it.", evidence);
    }

    /** Last use of the password, else when it was set, else when the user was created. */
    private static Optional<Instant> passwordActivity(CredentialReportRow row) {
        if (row.passwordLastUsed().isPresent()) {
            return row.passwordLastUsed();
        }
        return Stream.of(row.passwordLastChanged(), row.userCreationTime()).flatMap(Optional::stream).findFirst();
    }
}
