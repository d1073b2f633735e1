package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.Iam;
import io.cloudward.sandbox.estate.IamUser;
import io.cloudward.sandbox.estate.PasswordPolicy;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryResponses;
import io.cloudward.sandbox.protocol.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** IAM (global): account summary, password policy and the credential report. */
public final class IamService extends QueryService {

    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    /** AWS serves a report for four hours, then asks for a new one. */
    private static final Duration REPORT_LIFETIME = Duration.ofHours(4);

    private final ServiceContext context;

    public IamService(ServiceContext context) {
        this.context = context;
        register(Operation.of("iam", "GetAccountSummary", Protocol.QUERY, this::getAccountSummary));
        register(Operation.of("iam", "GetAccountPasswordPolicy", Protocol.QUERY, this::getAccountPasswordPolicy));
        register(Operation.of("iam", "GenerateCredentialReport", Protocol.QUERY, this::generateCredentialReport));
        register(Operation.of("iam", "GetCredentialReport", Protocol.QUERY, this::getCredentialReport));
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    @Override
    public boolean regional() {
        return false;
    }

    private Response getAccountSummary(Call call) {
        Iam iam = call.account().iam();
        long mfaUsers = iam.users().stream().filter(IamUser::mfa).count();
        long mfaDevices = mfaUsers + (iam.root().mfa() ? 1 : 0);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("Users", iam.users().size());
        summary.put("UsersQuota", 5000);
        summary.put("Groups", iam.groups());
        summary.put("GroupsQuota", 300);
        summary.put("Roles", iam.roles() + call.account().roles().size());
        summary.put("RolesQuota", 1000);
        summary.put("Policies", iam.policies());
        summary.put("PoliciesQuota", 1500);
        summary.put("PolicyVersionsInUse", iam.policies() + iam.roles());
        summary.put("PolicyVersionsInUseQuota", 10000);
        summary.put("VersionsPerPolicyQuota", 5);
        summary.put("MFADevices", mfaDevices);
        summary.put("MFADevicesInUse", mfaDevices);
        summary.put("AccountMFAEnabled", iam.root().mfa() ? 1 : 0);
        summary.put("AccountAccessKeysPresent", iam.root().accessKeys().isEmpty() ? 0 : 1);
        summary.put("AccountPasswordPresent", 1);
        summary.put("AccountSigningCertificatesPresent", 0);
        summary.put("ServerCertificates", 0);
        summary.put("ServerCertificatesQuota", 20);
        summary.put("InstanceProfiles", 0);
        summary.put("InstanceProfilesQuota", 1000);
        summary.put("Providers", 0);
        summary.put("AccessKeysPerUserQuota", 2);
        summary.put("SigningCertificatesPerUserQuota", 2);
        summary.put("GroupsPerUserQuota", 10);
        summary.put("AttachedPoliciesPerGroupQuota", 10);
        summary.put("AttachedPoliciesPerRoleQuota", 10);
        summary.put("AttachedPoliciesPerUserQuota", 10);
        summary.put("UserPolicySizeQuota", 2048);
        summary.put("GroupPolicySizeQuota", 5120);
        summary.put("RolePolicySizeQuota", 10240);
        summary.put("PolicySizeQuota", 6144);
        summary.put("AssumeRolePolicySizeQuota", 2048);
        summary.put("GlobalEndpointTokenVersion", 1);
        return QueryResponses.query("GetAccountSummary", NAMESPACE, call.requestId(), xml -> {
            xml.start("SummaryMap");
            summary.forEach((key, value) -> xml.start("entry").element("key", key).element("value", value).end());
            xml.end();
        });
    }

    private Response getAccountPasswordPolicy(Call call) {
        PasswordPolicy policy = call.account().iam().passwordPolicy();
        if (policy == null) {
            throw new AwsError("NoSuchEntity", 404,
                    "The Password Policy with domain name " + call.accountId() + " cannot be found.");
        }
        return QueryResponses.query("GetAccountPasswordPolicy", NAMESPACE, call.requestId(), xml -> xml
                .start("PasswordPolicy")
                .element("MinimumPasswordLength", policy.minimumPasswordLength())
                .element("RequireSymbols", policy.requireSymbols())
                .element("RequireNumbers", policy.requireNumbers())
                .element("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
                .element("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
                .element("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
                .element("ExpirePasswords", policy.maxPasswordAge() != null)
                .element("MaxPasswordAge", policy.maxPasswordAge())
                .element("PasswordReusePrevention", policy.passwordReusePrevention())
                .element("HardExpiry", policy.hardExpiry())
                .end());
    }

    private Response generateCredentialReport(Call call) {
        Optional<Instant> existing = context.estate().credentialReport(call.accountId())
                .filter(generated -> generated.plus(REPORT_LIFETIME).isAfter(call.now()));
        if (existing.isEmpty()) {
            context.estate().recordCredentialReport(call.accountId(), call.now());
        }
        return QueryResponses.query("GenerateCredentialReport", NAMESPACE, call.requestId(), xml -> xml
                .element("State", existing.isEmpty() ? "STARTED" : "COMPLETE")
                .element("Description", existing.isEmpty()
                        ? "No report exists. Starting a new report generation task" : null));
    }

    private Response getCredentialReport(Call call) {
        Instant generated = context.estate().credentialReport(call.accountId())
                .orElseThrow(() -> new AwsError("ReportNotPresent", 410, "Unable to find a credential report for "
                        + "this account. To generate a credential report, use GenerateCredentialReport."));
        if (!generated.plus(REPORT_LIFETIME).isAfter(call.now())) {
            throw new AwsError("ReportExpired", 410, "The request was rejected because the most recent credential "
                    + "report has expired. To generate a new credential report, use GenerateCredentialReport.");
        }
        Account account = call.account();
        String csv = CredentialReport.csv(account, generated);
        return QueryResponses.query("GetCredentialReport", NAMESPACE, call.requestId(), xml -> xml
                .element("Content", Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8)))
                .element("ReportFormat", "text/csv")
                .element("GeneratedTime", generated));
    }
}
