package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * An IAM role a customer created for Cloudward.
 *
 * @param name               role name, e.g. {@code CloudwardSecurityAudit}
 * @param externalId         the ExternalId its trust policy demands; {@code null} means the trust policy
 *                           has no ExternalId condition (the confused-deputy mistake Cloudward must spot)
 * @param trustedPrincipals  principals the trust policy names: {@code hub} (the hub user),
 *                           {@code hub-account} (the hub account root) or any IAM ARN
 * @param maxSessionDuration longest session in seconds (3600–43200)
 * @param allowedActions     IAM action patterns its permission policies allow, e.g. {@code guardduty:List*}
 */
public record Role(String name, String externalId, List<String> trustedPrincipals, Integer maxSessionDuration,
                   List<String> allowedActions) {

    public static final String HUB = "hub";
    public static final String HUB_ACCOUNT = "hub-account";

    /** What a read-only security audit role (the one Cloudward's template creates) may call. */
    public static final List<String> SECURITY_AUDIT_ACTIONS = List.of(
            "guardduty:Get*", "guardduty:List*",
            "cloudtrail:Describe*", "cloudtrail:Get*", "cloudtrail:List*", "cloudtrail:LookupEvents",
            "config:Describe*", "config:Get*", "config:List*",
            "ec2:Describe*", "ec2:GetEbsEncryptionByDefault",
            "rds:Describe*",
            "s3:ListAllMyBuckets", "s3:GetBucketLocation", "s3:GetBucketPolicyStatus",
            "s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock",
            "iam:GetAccountSummary", "iam:GetAccountPasswordPolicy", "iam:GenerateCredentialReport",
            "iam:GetCredentialReport",
            "backup:List*", "backup:Get*", "backup:Describe*",
            "organizations:Describe*", "organizations:List*");

    public Role {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a role needs a name");
        }
        trustedPrincipals = trustedPrincipals == null ? List.of(HUB) : List.copyOf(trustedPrincipals);
        maxSessionDuration = maxSessionDuration == null ? 3600 : maxSessionDuration;
        if (maxSessionDuration < 3600 || maxSessionDuration > 43200) {
            throw new IllegalArgumentException("maxSessionDuration of role " + name + " must be 3600–43200");
        }
        allowedActions = allowedActions == null ? SECURITY_AUDIT_ACTIONS : List.copyOf(allowedActions);
    }

    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }

    public Role withExternalId(String id) {
        return new Role(name, id, trustedPrincipals, maxSessionDuration, allowedActions);
    }

    public Role withTrustedPrincipals(List<String> principals) {
        return new Role(name, externalId, principals, maxSessionDuration, allowedActions);
    }

    public Role withAllowedActions(List<String> actions) {
        return new Role(name, externalId, trustedPrincipals, maxSessionDuration, actions);
    }
}
