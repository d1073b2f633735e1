package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;

/** Without a custom policy IAM falls back to an 8-character default with no reuse prevention. */
public final class PasswordPolicyExists extends AbstractCheck<PasswordPolicyFacts> {

    public PasswordPolicyExists() {
        super(PasswordPolicyFacts.class);
    }

    @Override
    public CheckResult evaluate(PasswordPolicyFacts facts, CheckContext context) {
        var resource = IamResources.passwordPolicy(context.accountId());
        var evidence = Evidence.with("customPolicy", facts.policy().isPresent()).build();
        if (facts.policy().isPresent()) {
            return pass(resource, "Account " + context.accountId() + " has a custom IAM password policy.", evidence);
        }
        return fail(resource, "Account " + context.accountId() + " has no IAM password policy, so IAM users get the AWS "
                + "default: 8 characters and no protection against reusing old passwords. Set a password policy.", evidence);
    }
}
