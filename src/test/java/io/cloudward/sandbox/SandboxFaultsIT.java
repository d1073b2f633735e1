package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.aws.AwsClientFactory;
import io.cloudward.aws.AwsClientSettings;
import io.cloudward.sandbox.faults.FaultKind;
import io.cloudward.sandbox.faults.FaultRule;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Injected faults, answered the way each protocol answers them, and the SDK's retries getting through. */
class SandboxFaultsIT {

    private SandboxFixture fixture;
    private AwsClientFactory noRetries;
    private AwsCredentialsProvider exposedDb;

    @BeforeEach
    void start() {
        fixture = new SandboxFixture();
        noRetries = new AwsClientFactory(AwsClientSettings.sandbox(fixture.sandbox.endpoint()).withMaxAttempts(1)
                .withReadTimeout(Duration.ofSeconds(1)));
        exposedDb = fixture.role(SandboxFixture.EXPOSED_DB);
    }

    @AfterEach
    void stop() throws Exception {
        noRetries.close();
        fixture.close();
    }

    @Test
    void throttlingHalfTheCallsIsRiddenOutBySdkRetries() {
        fixture.sandbox.faults().add(FaultRule.parse("throttle account=222222222222 service=guardduty rate=0.5"));
        GuardDutyClient once = fixture.track(noRetries.create(GuardDutyClient.builder(), Region.US_EAST_1, exposedDb));
        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            try {
                once.listDetectors();
            } catch (AwsServiceException e) {
                assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
                assertEquals(400, e.statusCode());
                assertTrue(e.isThrottlingException());
                throttled++;
            }
        }
        assertEquals(5, throttled);
        GuardDutyClient retrying = fixture.track(fixture.factory.create(GuardDutyClient.builder(), Region.US_EAST_1,
                exposedDb));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, retrying.listDetectors().detectorIds().size());
        }
    }

    @Test
    void eachProtocolThrottlesInItsOwnWords() {
        for (String service : List.of("ec2", "iam", "s3")) {
            fixture.sandbox.faults().add(FaultRule.parse("throttle account=222222222222 service=" + service));
        }
        assertCode("RequestLimitExceeded", 503, () -> noRetries.create(Ec2Client.builder(), Region.US_EAST_1, exposedDb)
                .describeInstances());
        assertCode("Throttling", 400, () -> noRetries.create(IamClient.builder(), Region.AWS_GLOBAL, exposedDb)
                .getAccountSummary());
        assertCode("SlowDown", 503, () -> noRetries.create(S3Client.builder(), Region.US_EAST_1, exposedDb)
                .listBuckets());
    }

    @Test
    void serverErrorsAccessDeniedAndDisabledRegions() {
        String unavailable = fixture.sandbox.faults().add(new FaultRule(SandboxFixture.EXPOSED_DB, "us-east-1",
                "cloudtrail", "DescribeTrails", FaultKind.SERVER_ERROR, 1, 0, 503));
        CloudTrailClient cloudTrail = noRetries.create(CloudTrailClient.builder(), Region.US_EAST_1, exposedDb);
        assertCode("ServiceUnavailable", 503, cloudTrail::describeTrails);
        fixture.sandbox.faults().remove(unavailable);
        fixture.sandbox.faults().add(FaultRule.parse("server_error service=ec2"));
        assertCode("InternalError", 500, () -> noRetries.create(Ec2Client.builder(), Region.US_EAST_1, exposedDb)
                .describeVolumes());
        fixture.sandbox.faults().add(FaultRule.parse("access_denied service=cloudtrail operation=LookupEvents"));
        assertTrue(assertCode("AccessDeniedException", 400, cloudTrail::lookupEvents).awsErrorDetails()
                .errorMessage().contains("cloudtrail:LookupEvents"));
        fixture.sandbox.faults().add(FaultRule.parse("region_disabled region=eu-west-3"));
        assertCode("UnrecognizedClientException", 403, () -> noRetries.create(GuardDutyClient.builder(),
                Region.EU_WEST_3, exposedDb).listDetectors());
        assertEquals(1, cloudTrail.describeTrails().trailList().size());
    }

    @Test
    void droppedConnectionsAndHeldRequestsFailOnTheClientSide() {
        fixture.sandbox.faults().add(FaultRule.parse("drop_connection service=guardduty"));
        SdkClientException dropped = assertThrows(SdkClientException.class, () -> noRetries.create(
                GuardDutyClient.builder(), Region.US_EAST_1, exposedDb).listDetectors());
        assertTrue(dropped.getMessage().contains("Unable to execute HTTP request"), dropped.getMessage());
        fixture.sandbox.faults().clear();
        fixture.sandbox.faults().add(FaultRule.parse("timeout service=cloudtrail millis=3000"));
        SdkClientException held = assertThrows(SdkClientException.class, () -> noRetries.create(
                CloudTrailClient.builder(), Region.US_EAST_1, exposedDb).describeTrails());
        assertInstanceOf(SocketTimeoutException.class, held.getCause(), held.getMessage());
    }

    @Test
    void latencyDelaysTheAnswer() {
        fixture.sandbox.faults().add(FaultRule.parse("latency millis=400 service=guardduty"));
        GuardDutyClient guardDuty = noRetries.create(GuardDutyClient.builder(), Region.US_EAST_1, exposedDb);
        long start = System.nanoTime();
        guardDuty.listDetectors();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 400);
    }

    @Test
    void lookupEventsIsLimitedToTwoCallsASecondPerAccountAndRegion() {
        CloudTrailClient once = noRetries.create(CloudTrailClient.builder(), Region.US_EAST_1, exposedDb);
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            try {
                once.lookupEvents(r -> r.maxResults(1));
            } catch (AwsServiceException e) {
                assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
                throttled++;
            }
        }
        assertTrue(throttled >= 4, "throttled " + throttled + " of 8 calls");
        noRetries.create(CloudTrailClient.builder(), Region.US_WEST_2, exposedDb).lookupEvents(r -> r.maxResults(1));
        CloudTrailClient retrying = fixture.track(fixture.factory.create(CloudTrailClient.builder(), Region.US_EAST_1,
                exposedDb));
        for (int i = 0; i < 4; i++) {
            retrying.lookupEvents(r -> r.maxResults(1));
        }
    }

    @Test
    void faultsFromSettingsAreInForceFromTheStart() throws Exception {
        try (SandboxFixture configured = new SandboxFixture(SandboxSettings.defaults().withPort(0)
                .withFaults(List.of(FaultRule.parse("throttle service=ec2"))))) {
            assertEquals(1, configured.sandbox.faults().list().size());
        }
    }

    private static AwsServiceException assertCode(String code, int status, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
        return e;
    }
}
