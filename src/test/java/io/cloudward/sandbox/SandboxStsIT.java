package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class SandboxStsIT {

    private static SandboxFixture fixture;
    private static StsClient hubSts;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        hubSts = fixture.track(fixture.factory.create(StsClient.builder(), Region.US_EAST_1, fixture.hub()));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void hubKnowsWhoItIs() {
        GetCallerIdentityResponse identity = hubSts.getCallerIdentity();
        assertEquals("999999999999", identity.account());
        assertEquals("arn:aws:iam::999999999999:user/cloudward-hub", identity.arn());
    }

    @Test
    void assumeRoleWithTheRightExternalIdGivesSessionCredentialsOfTheCustomerAccount() {
        AssumeRoleResponse response = hubSts.assumeRole(r -> r.roleArn(SandboxFixture.roleArn(SandboxFixture.WELL_RUN))
                .roleSessionName("cloudward").externalId("cw-well-run-7c3e5b92d4").durationSeconds(900));
        assertTrue(response.credentials().accessKeyId().matches("ASIA[A-Z0-9]{16}"));
        Instant expiration = response.credentials().expiration();
        assertTrue(expiration.isAfter(Instant.now().plusSeconds(890)) && expiration.isBefore(Instant.now().plusSeconds(910)));
        assertEquals("arn:aws:sts::444444444444:assumed-role/CloudwardSecurityAudit/cloudward",
                response.assumedRoleUser().arn());
        try (StsClient session = sessionSts(response)) {
            assertEquals(SandboxFixture.WELL_RUN, session.getCallerIdentity().account());
        }
    }

    @Test
    void wrongExternalIdIsAccessDenied() {
        StsException e = assertThrows(StsException.class, () -> hubSts.assumeRole(r -> r
                .roleArn(SandboxFixture.roleArn(SandboxFixture.CODESPACES))
                .roleSessionName("cloudward").externalId("not-the-right-one")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertEquals("User: arn:aws:iam::999999999999:user/cloudward-hub is not authorized to perform: "
                + "sts:AssumeRole on resource: arn:aws:iam::111111111111:role/CloudwardSecurityAudit",
                e.awsErrorDetails().errorMessage());
    }

    private static StsClient sessionSts(AssumeRoleResponse response) {
        return fixture.factory.create(StsClient.builder(), Region.EU_WEST_1, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(response.credentials().accessKeyId(),
                        response.credentials().secretAccessKey(), response.credentials().sessionToken())));
    }
}
