package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;

/** Reuse prevention stops a user from "changing" a leaked password back to itself. */
public final class PasswordPolicyPreventsReuse extends AbstractCheck<PasswordPolicyFacts> {

    public PasswordPolicyPreventsReuse() {
        super(PasswordPolicyFacts.class);
    }

    @Override
    public CheckResult evaluate(PasswordPolicyFacts facts, CheckContext context) {
        int required = context.thresholds().passwordReusePrevention();
        int remembered = facts.policy().flatMap(PasswordPolicyFacts.Policy::reusePrevention).orElse(0);
        var resource = IamResources.passwordPolicy(context.accountId());
        var evidence = Evidence.with("passwordReusePrevention", remembered).and("required", required)
                .and("customPolicy", facts.policy().isPresent()).build();
        if (remembered >= required) {
            return pass(resource, "IAM users in account " + context.accountId() + " cannot reuse any of their last "
                    + remembered + " passwords.", evidence);
        }
        String now = remembered == 0 ? "can reuse old passwords" : "are blocked from reusing only their last " + remembered + " passwords";
        return fail(resource, "IAM users in account " + context.accountId() + " " + now
                + ". Set password reuse prevention to " + required + " in the IAM password policy.", evidence);
    }
}
