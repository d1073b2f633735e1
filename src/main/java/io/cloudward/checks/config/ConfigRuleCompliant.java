package io.cloudward.checks.config;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.ConfigRuleCompliance;

/** Surfaces the customer's own AWS Config rules: each non-compliant rule is one finding. */
public final class ConfigRuleCompliant extends AbstractCheck<ConfigRuleCompliance> {

    static final String RESOURCE_TYPE = "AwsConfigRule";

    public ConfigRuleCompliant() {
        super(ConfigRuleCompliance.class);
    }

    @Override
    public CheckResult evaluate(ConfigRuleCompliance rule, CheckContext context) {
        ResourceRef resource = ResourceRef.of(RESOURCE_TYPE, rule.ruleName(), rule.region(), context.accountId());
        var evidence = Evidence.with("compliance", rule.compliance())
                .and("nonCompliantResources", rule.nonCompliantResourceCount()).and("countCapped", rule.countCapped()).build();
        String name = "AWS Config rule " + rule.ruleName() + " in " + rule.region();
        return switch (rule.compliance()) {
            case COMPLIANT -> pass(resource, name + " reports all evaluated resources compliant.", evidence);
            case NOT_APPLICABLE -> notApplicable(resource, name + " has no resources in scope.", evidence);
            case INSUFFICIENT_DATA -> info(resource, name + " has not evaluated any resource yet (insufficient data).", evidence);
            case NON_COMPLIANT -> fail(resource, name + " reports " + count(rule)
                    + ". Open the rule in the AWS Config console to see which resources and fix them.", evidence);
        };
    }

    private static String count(ConfigRuleCompliance rule) {
        return rule.nonCompliantResourceCount()
                .map(n -> (rule.countCapped() ? "more than " + n : String.valueOf(n)) + " non-compliant "
                        + (n == 1 && !rule.countCapped() ? "resource" : "resources"))
                .orElse("non-compliant resources");
    }
}
