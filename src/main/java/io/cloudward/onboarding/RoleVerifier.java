package io.cloudward.onboarding;

import io.cloudward.accounts.VerificationStep;
import io.cloudward.accounts.VerificationStep.Outcome;
import io.cloudward.aws.AwsFailure;
import io.cloudward.aws.HubIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Verifies a customer's role the way the onboarding wizard shows it: AssumeRole with the ExternalId works,
 * AssumeRole without it does not (else the trust policy is open to the confused-deputy problem), the
 * session is in the account the ARN names, which regions are enabled, and which permissions the role has.
 * Every step is recorded with a sentence that says what to fix.
 */
@ApplicationScoped
public class RoleVerifier {

    /** A verification session needs minutes, not the role's maximum. */
    private static final int SESSION_SECONDS = 900;

    private final HubIdentity hub;

    public RoleVerifier(HubIdentity hub) {
        this.hub = hub;
    }

    /**
     * @param managementAccount also probe the organisation permissions (the management account's role)
     */
    public Verification verify(RoleArn role, String externalId, boolean managementAccount) {
        List<VerificationStep> steps = new ArrayList<>();
        try (StsClient sts = hub.clients().create(StsClient.builder(), hub.stsRegion(), hub.credentials())) {
            Credentials session;
            try {
                session = assume(sts, role, externalId);
                steps.add(step("assume-role", "AssumeRole with the ExternalId", Outcome.PASSED,
                        "Cloudward signed in to " + role.roleName() + " as " + hub.principalArn() + "."));
            } catch (AwsServiceException e) {
                Verification.Failure failure = assumeFailure(role, externalId, e);
                steps.add(step("assume-role", "AssumeRole with the ExternalId", Outcome.FAILED, failure.message()));
                return failed(steps, failure);
            }
            boolean trustOpen = trustOpen(sts, role, steps);
            AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));

            String caller = callerAccount(credentials);
            if (!caller.equals(role.accountId())) {
                String message = "The session is in account " + caller + ", not " + role.accountId()
                        + " as the ARN says. Paste the ARN from the stack's RoleArn output unchanged.";
                steps.add(step("caller-identity", "The role is in the account its ARN names", Outcome.FAILED, message));
                return failed(steps, new Verification.Failure("AccountMismatch", message, false));
            }
            steps.add(step("caller-identity", "The role is in the account its ARN names", Outcome.PASSED,
                    "GetCallerIdentity answered account " + caller + "."));

            List<String> enabled;
            try {
                enabled = enabledRegions(credentials);
                steps.add(step("regions", "Enabled regions", Outcome.PASSED, enabled.size()
                        + " regions are enabled: " + String.join(", ", enabled) + "."));
            } catch (AwsServiceException e) {
                enabled = List.of();
                AwsFailure failure = AwsFailure.of(e, "ec2:DescribeRegions");
                steps.add(step("regions", "Enabled regions", Outcome.FAILED, "DescribeRegions failed ("
                        + failure.code() + "): " + failure.message()
                        + ". Without it Cloudward cannot tell which regions to scan; the role needs ec2:DescribeRegions."));
            }
            Region probeRegion = enabled.contains(hub.stsRegion().id()) || enabled.isEmpty()
                    ? hub.stsRegion() : Region.of(enabled.getFirst());
            var capabilities = new PermissionProbe(hub.clients()).probe(credentials, role.accountId(), probeRegion,
                    managementAccount);
            List<String> missing = capabilities.values().stream().flatMap(c -> c.missingActions().stream()).toList();
            steps.add(step("permissions", "Permissions for each collector",
                    missing.isEmpty() ? Outcome.PASSED : Outcome.WARNING,
                    missing.isEmpty() ? "Every action Cloudward calls is allowed."
                            : "The role lacks " + String.join(", ", missing)
                            + ": those checks are skipped until the stack is updated to the current template."));
            return new Verification(steps, Optional.empty(), trustOpen, enabled, capabilities);
        } catch (SdkException e) {
            Verification.Failure failure = new Verification.Failure("Unreachable",
                    "Cloudward could not reach AWS: " + e.getMessage() + ". Try again in a minute.", true);
            steps.add(step("aws", "Reach AWS", Outcome.FAILED, failure.message()));
            return failed(steps, failure);
        }
    }

    private Credentials assume(StsClient sts, RoleArn role, String externalId) {
        return sts.assumeRole(r -> r.roleArn(role.value()).externalId(externalId)
                .roleSessionName(hub.sessionName()).durationSeconds(SESSION_SECONDS)).credentials();
    }

    /** The role must refuse Cloudward without the ExternalId; if it does not, anyone's Cloudward tenant could use it. */
    private boolean trustOpen(StsClient sts, RoleArn role, List<VerificationStep> steps) {
        String title = "AssumeRole without the ExternalId is refused";
        try {
            assume(sts, role, null);
            steps.add(step("confused-deputy", title, Outcome.WARNING, "The role can be assumed without the ExternalId: "
                    + "its trust policy is open to the confused-deputy problem (another Cloudward customer who learns "
                    + "the ARN could read this account). Add the condition StringEquals sts:ExternalId to the trust "
                    + "policy, or redeploy the stack from Cloudward's template."));
            return true;
        } catch (AwsServiceException e) {
            AwsFailure failure = AwsFailure.of(e, "sts:AssumeRole");
            if (failure.kind() == AwsFailure.Kind.ACCESS_DENIED) {
                steps.add(step("confused-deputy", title, Outcome.PASSED,
                        "The trust policy demands the ExternalId, as it should."));
            } else {
                steps.add(step("confused-deputy", title, Outcome.SKIPPED,
                        "Could not tell (" + failure.code() + "); checked again at the next verification."));
            }
            return false;
        }
    }

    private Verification.Failure assumeFailure(RoleArn role, String externalId, AwsServiceException e) {
        AwsFailure failure = AwsFailure.of(e, "sts:AssumeRole");
        String code = failure.code();
        if (failure.kind() == AwsFailure.Kind.THROTTLED) {
            return new Verification.Failure(code, "AWS STS is throttling requests (" + code
                    + "). Nothing was changed; try again in a minute.", true);
        }
        if (failure.kind() == AwsFailure.Kind.ACCESS_DENIED) {
            return new Verification.Failure(code, "AWS refused AssumeRole on " + role.value() + " (" + code + "). "
                    + "Check that the stack finished (CREATE_COMPLETE) in account " + role.accountId()
                    + ", that you copied its RoleArn output, and that its parameters are CloudwardPrincipalArn = "
                    + hub.principalArn() + " and ExternalId = " + externalId
                    + ". A role made for another connection, or one that trusts another principal, is refused.", false);
        }
        if ("RegionDisabledException".equals(code)) {
            return new Verification.Failure(code, "STS is not activated in " + hub.stsRegion().id()
                    + " for account " + role.accountId() + ". Activate it in IAM → Account settings.", false);
        }
        return new Verification.Failure(code, "AssumeRole failed (" + code + "): " + failure.message(),
                e.statusCode() >= 500);
    }

    private String callerAccount(AwsCredentialsProvider credentials) {
        try (StsClient sts = hub.clients().create(StsClient.builder(), hub.stsRegion(), credentials)) {
            return sts.getCallerIdentity().account();
        }
    }

    /** Regions whose opt-in status lets the account use them ("opt-in-not-required" or "opted-in"). */
    private List<String> enabledRegions(AwsCredentialsProvider credentials) {
        try (Ec2Client ec2 = hub.clients().create(Ec2Client.builder(), hub.stsRegion(), credentials)) {
            return ec2.describeRegions(r -> r.allRegions(true)).regions().stream()
                    .filter(r -> !"not-opted-in".equals(r.optInStatus()))
                    .map(software.amazon.awssdk.services.ec2.model.Region::regionName).sorted().toList();
        }
    }

    private static Verification failed(List<VerificationStep> steps, Verification.Failure failure) {
        return new Verification(steps, Optional.of(failure), false, List.of(), Map.of());
    }

    private static VerificationStep step(String name, String title, Outcome outcome, String detail) {
        return new VerificationStep(name, title, outcome, detail);
    }
}
