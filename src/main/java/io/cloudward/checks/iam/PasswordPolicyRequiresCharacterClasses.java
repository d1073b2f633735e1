package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;

import java.util.ArrayList;
import java.util.List;

/**
 * The policy requires upper case, lower case, numbers and symbols (AWS FSBP IAM.7). Length matters more for
 * strength, which is why this check's severity is low; it is kept because auditors ask for it.
 */
public final class PasswordPolicyRequiresCharacterClasses extends AbstractCheck<PasswordPolicyFacts> {

    public PasswordPolicyRequiresCharacterClasses() {
        super(PasswordPolicyFacts.class);
    }

    @Override
    public CheckResult evaluate(PasswordPolicyFacts facts, CheckContext context) {
        var resource = IamResources.passwordPolicy(context.accountId());
        if (facts.policy().isEmpty()) {
            return fail(resource, "Account " + context.accountId() + " has no IAM password policy, so no character "
                    + "classes are required beyond the AWS default of three out of four. Require upper case, lower "
                    + "case, numbers and symbols in a password policy.", Evidence.with("customPolicy", false).build());
        }
        PasswordPolicyFacts.Policy policy = facts.policy().get();
        List<String> missing = new ArrayList<>();
        if (!policy.requireUppercase()) {
            missing.add("upper-case letters");
        }
        if (!policy.requireLowercase()) {
            missing.add("lower-case letters");
        }
        if (!policy.requireNumbers()) {
            missing.add("numbers");
        }
        if (!policy.requireSymbols()) {
            missing.add("symbols");
        }
        var evidence = Evidence.with("customPolicy", true).and("notRequired", missing).build();
        if (missing.isEmpty()) {
            return pass(resource, "The IAM password policy of account " + context.accountId()
                    + " requires upper case, lower case, numbers and symbols.", evidence);
        }
        return fail(resource, "The IAM password policy of account " + context.accountId() + " does not require "
                + Phrases.list(missing, 4) + ". Require all four character classes.", evidence);
    }
}
