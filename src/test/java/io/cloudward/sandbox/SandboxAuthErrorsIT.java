package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.sandbox.estate.EstateReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Identity as AWS enforces it: trust, ExternalId, signatures, keys, permissions, regions, operations. */
class SandboxAuthErrorsIT {

    private static final String RESTRICTED = "777777777777";
    private static final String UNTRUSTING = "787878787878";
    private static SandboxFixture fixture;
    private static StsClient hubSts;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        fixture.sandbox.estate().load(EstateReader.read(("""
                accounts:
                  - id: "%s"
                    roles: [{name: CloudwardSecurityAudit, externalId: restricted-1}]
                    allRegions: {guardduty: {status: ENABLED}}
                  - id: "%s"
                    roles: [{name: CloudwardSecurityAudit, externalId: untrusting-1,
                             trustedPrincipals: ["arn:aws:iam::123456789012:root"]}]
                """.formatted(RESTRICTED, UNTRUSTING)).getBytes(StandardCharsets.UTF_8), fixture.sandbox.clock().now()));
        hubSts = client(StsClient.builder(), Region.US_EAST_1, fixture.hub());
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void assumeRoleRefusesMissingExternalIdUntrustedCallersAndUnknownRoles() {
        assertDenied(() -> hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(SandboxFixture.CODESPACES))
                .roleSessionName("no-external-id")));
        assertDenied(() -> hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(UNTRUSTING))
                .roleSessionName("untrusted").externalId("untrusting-1")));
        assertDenied(() -> hubSts.assumeRole(r -> r.roleArn("arn:aws:iam::111111111111:role/NoSuchRole")
                .roleSessionName("missing").externalId("cw-codespaces-5f2c9a71e4")));
    }

    @Test
    void aRoleWithoutExternalIdConditionCanBeAssumedWithoutOne() {
        AssumeRoleResponse legacy = hubSts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/LegacyAuditRole")
                .roleSessionName("confused-deputy"));
        assertTrue(legacy.credentials().accessKeyId().startsWith("ASIA"));
        assertTrue(fixture.sandbox.estate().role(SandboxFixture.BLIND_SPOTS, "LegacyAuditRole").orElseThrow()
                .externalId() == null);
    }

    @Test
    void sessionDurationIsBoundedByTheRole() {
        assertCode("ValidationError", 400, () -> hubSts.assumeRole(r -> r
                .roleArn(SandboxFixture.roleArn(SandboxFixture.CODESPACES)).roleSessionName("long")
                .externalId("cw-codespaces-5f2c9a71e4").durationSeconds(7200)));
        assertCode("ValidationError", 400, () -> hubSts.assumeRole(r -> r
                .roleArn(SandboxFixture.roleArn(SandboxFixture.CODESPACES)).roleSessionName("short")
                .externalId("cw-codespaces-5f2c9a71e4").durationSeconds(600)));
        assertTrue(hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(SandboxFixture.WELL_RUN))
                .roleSessionName("long").externalId("cw-well-run-7c3e5b92d4").durationSeconds(7200))
                .credentials().expiration().isAfter(fixture.sandbox.clock().now().plusSeconds(7100)));
    }

    @Test
    void aBadSignatureIsRefusedInEachProtocol() {
        AwsCredentialsProvider wrongSecret = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                fixture.sandbox.hubCredentials().accessKeyId(), "0000000000000000000000000000000000000000"));
        assertCode("SignatureDoesNotMatch", 403,
                () -> client(StsClient.builder(), Region.US_EAST_1, wrongSecret).getCallerIdentity());
        assertCode("InvalidSignatureException", 403,
                () -> client(GuardDutyClient.builder(), Region.US_EAST_1, wrongSecret).listDetectors());
        assertCode("SignatureDoesNotMatch", 403,
                () -> client(S3Client.builder(), Region.US_EAST_1, wrongSecret).listBuckets());
        assertCode("SignatureDoesNotMatch", 403,
                () -> client(Ec2Client.builder(), Region.US_EAST_1, wrongSecret).describeRegions());
    }

    @Test
    void anUnknownKeyIsRefusedInEachProtocol() {
        AwsCredentialsProvider unknown = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIAUNKNOWNUNKNOWN00", "0000000000000000000000000000000000000000"));
        assertCode("InvalidClientTokenId", 403,
                () -> client(StsClient.builder(), Region.US_EAST_1, unknown).getCallerIdentity());
        assertCode("UnrecognizedClientException", 403,
                () -> client(CloudTrailClient.builder(), Region.US_EAST_1, unknown).describeTrails());
        assertCode("AuthFailure", 401,
                () -> client(Ec2Client.builder(), Region.US_EAST_1, unknown).describeRegions());
        assertCode("InvalidAccessKeyId", 403,
                () -> client(S3Client.builder(), Region.US_EAST_1, unknown).listBuckets());
    }

    @Test
    void aSessionKeyWithAWrongTokenIsRefused() {
        Credentials session = hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(SandboxFixture.WELL_RUN))
                .roleSessionName("token").externalId("cw-well-run-7c3e5b92d4")).credentials();
        AwsCredentialsProvider tampered = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                session.accessKeyId(), session.secretAccessKey(), session.sessionToken() + "x"));
        assertCode("InvalidClientTokenId", 403,
                () -> client(StsClient.builder(), Region.US_EAST_1, tampered).getCallerIdentity());
    }

    @Test
    void aMissingPermissionNamesTheAction() {
        fixture.sandbox.estate().setAllowedActions(RESTRICTED, SandboxFixture.ROLE, List.of("guardduty:ListDetectors",
                "guardduty:GetDetector"));
        AwsCredentialsProvider restricted = fixture.track(fixture.factory.assumeRole(fixture.hub(), Region.US_EAST_1,
                SandboxFixture.roleArn(RESTRICTED), "restricted-1", "restricted", Duration.ofHours(1)));
        GuardDutyClient guardDuty = client(GuardDutyClient.builder(), Region.EU_WEST_1, restricted);
        String detectorId = guardDuty.listDetectors().detectorIds().get(0);
        String session = "arn:aws:sts::" + RESTRICTED + ":assumed-role/CloudwardSecurityAudit/restricted";
        AwsServiceException listFindings = assertCode("AccessDeniedException", 403,
                () -> guardDuty.listFindings(r -> r.detectorId(detectorId)));
        assertEquals("User: " + session + " is not authorized to perform: guardduty:ListFindings on resource: "
                + "arn:aws:guardduty:eu-west-1:" + RESTRICTED + ":detector/" + detectorId
                + " because no identity-based policy allows the guardduty:ListFindings action",
                listFindings.awsErrorDetails().errorMessage());
        assertTrue(assertCode("UnauthorizedOperation", 403, () -> client(Ec2Client.builder(), Region.EU_WEST_1,
                restricted).describeInstances()).awsErrorDetails().errorMessage().contains("ec2:DescribeInstances"));
        assertTrue(assertCode("AccessDenied", 403, () -> client(IamClient.builder(), Region.AWS_GLOBAL, restricted)
                .getAccountSummary()).awsErrorDetails().errorMessage().contains("iam:GetAccountSummary"));
        assertTrue(assertCode("AccessDenied", 403, () -> client(S3Client.builder(), Region.EU_WEST_1, restricted)
                .listBuckets()).awsErrorDetails().errorMessage().contains("s3:ListAllMyBuckets"));
        assertTrue(assertCode("AccessDeniedException", 400, () -> client(CloudTrailClient.builder(), Region.EU_WEST_1,
                restricted).lookupEvents()).awsErrorDetails().errorMessage().contains("cloudtrail:LookupEvents"));
        assertCode("AccessDeniedException", 403, () -> client(GuardDutyClient.builder(), Region.EU_WEST_1,
                fixture.hub()).listDetectors());
    }

    @Test
    void anOptInRegionTheAccountHasNotEnabledAnswersAsAwsDoes() {
        AwsCredentialsProvider codespaces = fixture.role(SandboxFixture.CODESPACES);
        Region milan = Region.EU_SOUTH_1;
        assertCode("UnrecognizedClientException", 403,
                () -> client(GuardDutyClient.builder(), milan, codespaces).listDetectors());
        assertCode("AuthFailure", 401, () -> client(Ec2Client.builder(), milan, codespaces).describeInstances());
        assertCode("InvalidClientTokenId", 403, () -> client(RdsClient.builder(), milan, codespaces).describeDBInstances());
        assertEquals(1, client(GuardDutyClient.builder(), milan, fixture.role(SandboxFixture.BLIND_SPOTS)).listDetectors()
                .detectorIds().size(), "blind-spots opted in to eu-south-1");
    }

    @Test
    void unknownOperationsAreRefusedNeverFaked() {
        AwsCredentialsProvider wellRun = fixture.role(SandboxFixture.WELL_RUN);
        assertCode("InvalidAction", 400, () -> client(Ec2Client.builder(), Region.EU_CENTRAL_1, wellRun)
                .runInstances(r -> r.imageId("ami-1").minCount(1).maxCount(1)));
        assertCode("InvalidAction", 400, () -> client(IamClient.builder(), Region.AWS_GLOBAL, wellRun).listUsers());
        assertCode("UnknownOperationException", 400, () -> client(CloudTrailClient.builder(), Region.EU_CENTRAL_1,
                wellRun).stopLogging(r -> r.name("organization-trail")));
        assertCode("UnknownOperationException", 404, () -> client(GuardDutyClient.builder(), Region.EU_CENTRAL_1,
                wellRun).createDetector(r -> r.enable(true)));
        assertCode("UnknownOperationException", 404, () -> client(BackupClient.builder(), Region.EU_CENTRAL_1,
                wellRun).deleteBackupVault(r -> r.backupVaultName("prod-vault")));
        assertCode("NotImplemented", 501, () -> client(S3Client.builder(), Region.EU_CENTRAL_1, wellRun)
                .deleteBucket(r -> r.bucket("well-run-app-data")));
    }

    private static void assertDenied(Runnable call) {
        AwsServiceException denied = assertCode("AccessDenied", 403, call);
        assertTrue(denied.awsErrorDetails().errorMessage().contains("is not authorized to perform: sts:AssumeRole"));
    }

    private static AwsServiceException assertCode(String code, int status, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
        return e;
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            B builder, Region region, AwsCredentialsProvider credentials) {
        return fixture.track(fixture.factory.create(builder, region, credentials));
    }
}
