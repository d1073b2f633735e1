package io.cloudward.checks.iam;

import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.CredentialReportRow;

/** Resources of the identity checks. IAM is global, so they carry the global region. */
final class IamResources {

    private IamResources() {
    }

    static ResourceRef user(CredentialReportRow row, String accountId) {
        return ResourceRef.of("AwsIamUser", row.arn(), ResourceRef.GLOBAL, accountId);
    }

    static ResourceRef root(CredentialReportRow row, String accountId) {
        return ResourceRef.of("AwsIamRootUser", row.arn(), ResourceRef.GLOBAL, accountId);
    }

    static ResourceRef passwordPolicy(String accountId) {
        return ResourceRef.of("AwsIamPasswordPolicy", "arn:aws:iam::" + accountId + ":account-password-policy",
                ResourceRef.GLOBAL, accountId);
    }
}
