package io.cloudward.collect.iam;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.CredentialReportRow;
import io.cloudward.collect.snapshot.PasswordPolicyFacts;
import io.cloudward.collect.snapshot.ReportedCredentials;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The password policy, and the credential report (root and every user: MFA, passwords, access keys) one
 * row at a time. The report is generated on demand; AWS reuses one younger than four hours.
 */
public final class IamCollector extends AwsSourceCollector {

    private static final int REPORT_POLLS = 30;
    private static final Duration REPORT_POLL_INTERVAL = Duration.ofSeconds(1);

    @Override
    public Source source() {
        return Source.IAM;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        IamClient iam = run.clients().iam();
        Optional<PasswordPolicy> policy = run.optional("iam:GetAccountPasswordPolicy", Set.of("NoSuchEntity"),
                () -> iam.getAccountPasswordPolicy().passwordPolicy());
        sink.snapshot(new PasswordPolicyFacts(policy.map(IamCollector::policy)));
        waitForReport(run, iam);
        String csv = run.call("iam:GetCredentialReport", () -> iam.getCredentialReport().content().asUtf8String());
        for (CredentialReportRow row : CredentialReportRow.parseCsv(csv)) {
            sink.snapshot(ReportedCredentials.of(row));
            run.seen(1);
        }
    }

    private static void waitForReport(SourceRun run, IamClient iam) {
        for (int poll = 0; poll < REPORT_POLLS; poll++) {
            ReportStateType state = run.call("iam:GenerateCredentialReport", () -> iam.generateCredentialReport().state());
            if (state == ReportStateType.COMPLETE) {
                return;
            }
            try {
                Thread.sleep(REPORT_POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while IAM generated the credential report", e);
            }
        }
        throw new IllegalStateException("IAM did not finish the credential report within " + REPORT_POLLS + " polls");
    }

    static PasswordPolicyFacts.Policy policy(PasswordPolicy policy) {
        return new PasswordPolicyFacts.Policy(policy.minimumPasswordLength() == null ? 6 : policy.minimumPasswordLength(),
                Boolean.TRUE.equals(policy.requireSymbols()), Boolean.TRUE.equals(policy.requireNumbers()),
                Boolean.TRUE.equals(policy.requireUppercaseCharacters()),
                Boolean.TRUE.equals(policy.requireLowercaseCharacters()), Optional.ofNullable(policy.passwordReusePrevention()),
                Optional.ofNullable(policy.maxPasswordAge()));
    }
}
