package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.CloudwardRoleTrust;

/**
 * Cloudward's role must demand the ExternalId: without it, any Cloudward customer who learns the role's ARN
 * could point their own tenant at it and read this account (the confused-deputy problem).
 */
public final class CloudwardRoleRequiresExternalId extends AbstractCheck<CloudwardRoleTrust> {

    public CloudwardRoleRequiresExternalId() {
        super(CloudwardRoleTrust.class);
    }

    @Override
    public CheckResult evaluate(CloudwardRoleTrust trust, CheckContext context) {
        var resource = ResourceRef.of("AwsIamRole", trust.roleArn(), ResourceRef.GLOBAL, context.accountId());
        var evidence = Evidence.with("assumableWithoutExternalId", trust.trustOpen()).build();
        if (!trust.trustOpen()) {
            return pass(resource, "Cloudward's role " + trust.roleArn() + " can only be assumed with its ExternalId.", evidence);
        }
        return fail(resource, "Cloudward's role " + trust.roleArn() + " can be assumed without the ExternalId: another "
                + "Cloudward customer who learns its ARN could read account " + context.accountId() + ". Add the condition "
                + "StringEquals sts:ExternalId to its trust policy, or redeploy the stack from Cloudward's template.", evidence);
    }
}
