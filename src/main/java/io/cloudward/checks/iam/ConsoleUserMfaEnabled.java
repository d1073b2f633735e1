package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.UserCredentials;

/** The Code Spaces lesson: a console password without MFA is one phishing e-mail away from an account takeover. */
public final class ConsoleUserMfaEnabled extends AbstractCheck<UserCredentials> {

    public ConsoleUserMfaEnabled() {
        super(UserCredentials.class);
    }

    @Override
    public CheckResult evaluate(UserCredentials user, CheckContext context) {
        CredentialReportRow row = user.row();
        var resource = IamResources.user(row, context.accountId());
        var evidence = Evidence.with("passwordEnabled", row.passwordEnabled()).and("mfaActive", row.mfaActive())
                .and("passwordLastUsed", row.passwordLastUsed()).build();
        if (!row.passwordEnabled()) {
            return notApplicable(resource, "IAM user " + row.user() + " has no console password.", evidence);
        }
        if (row.mfaActive()) {
            return pass(resource, "IAM user " + row.user() + " signs in to the console with MFA.", evidence);
        }
        return fail(resource, "IAM user " + row.user() + " can sign in to the AWS console with a password alone (no MFA)"
                + row.passwordLastUsed().map(t -> " and last did so on " + Phrases.day(t)).orElse("")
                + ". Assign an MFA device to the user, or remove the console password if it is not needed.", evidence);
    }
}
