package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;

/** Length is what makes a password resist guessing; CIS asks for at least 14 characters. */
public final class PasswordPolicyMinimumLength extends AbstractCheck<PasswordPolicyFacts> {

    /** IAM's built-in minimum when no custom policy exists. */
    private static final int AWS_DEFAULT_MINIMUM = 8;

    public PasswordPolicyMinimumLength() {
        super(PasswordPolicyFacts.class);
    }

    @Override
    public CheckResult evaluate(PasswordPolicyFacts facts, CheckContext context) {
        int required = context.thresholds().passwordMinLength();
        int actual = facts.policy().map(PasswordPolicyFacts.Policy::minimumLength).orElse(AWS_DEFAULT_MINIMUM);
        var resource = IamResources.passwordPolicy(context.accountId());
        var evidence = Evidence.with("minimumLength", actual).and("requiredLength", required)
                .and("customPolicy", facts.policy().isPresent()).build();
        String source = facts.policy().isPresent() ? "the IAM password policy" : "the AWS default (no custom policy)";
        if (actual >= required) {
            return pass(resource, "IAM passwords in account " + context.accountId() + " need at least " + actual
                    + " characters.", evidence);
        }
        return fail(resource, "IAM passwords in account " + context.accountId() + " need only " + actual
                + " characters under " + source + ". Set the minimum password length to at least " + required + ".", evidence);
    }
}
