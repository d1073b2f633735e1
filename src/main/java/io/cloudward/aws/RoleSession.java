package io.cloudward.aws;

import io.cloudward.collect.snapshot.Arns;
import java.util.Objects;

/**
 * The customer role Cloudward assumes in one account, and the ExternalId its trust policy demands.
 *
 * @param roleArn    arn:aws:iam::123456789012:role/CloudwardSecurityAudit
 * @param externalId the account's ExternalId ({@code null} only for roles that demand none)
 */
public record RoleSession(String roleArn, String externalId) {

    public RoleSession {
        Objects.requireNonNull(roleArn, "roleArn");
    }

    /** The account the role lives in. */
    public String accountId() {
        return Arns.accountOf(roleArn).orElseThrow(() -> new IllegalArgumentException("Role ARN has no account: " + roleArn));
    }
}
