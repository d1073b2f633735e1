package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.RootCredentials;

/** The root user can do anything, including closing the account; a password alone must not be enough. */
public final class RootMfaEnabled extends AbstractCheck<RootCredentials> {

    public RootMfaEnabled() {
        super(RootCredentials.class);
    }

    @Override
    public CheckResult evaluate(RootCredentials root, CheckContext context) {
        var resource = IamResources.root(root.row(), context.accountId());
        var evidence = Evidence.with("mfaActive", root.row().mfaActive()).build();
        if (root.row().mfaActive()) {
            return pass(resource, "The root user of account " + context.accountId() + " has MFA enabled.", evidence);
        }
        return fail(resource, "The root user of account " + context.accountId() + " has no MFA: whoever learns its "
                + "password owns the account, its data and its backups. Sign in as root and assign an MFA device "
                + "(a hardware key or passkey is best).", evidence);
    }
}
