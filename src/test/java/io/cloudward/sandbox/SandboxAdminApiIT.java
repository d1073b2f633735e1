package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The sandbox's own control API under /_sandbox/. */
class SandboxAdminApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void loadAnEstateThenSeeItsAccounts() throws Exception {
        JsonNode loaded = call("POST", "estate", """
                accounts:
                  - id: "121212121212"
                    name: "uploaded <b>estate</b>"
                    roles: [{name: CloudwardSecurityAudit, externalId: uploaded-1}]
                """);
        assertEquals("121212121212", loaded.path("loaded").get(0).asText());
        JsonNode account = call("GET", "accounts/121212121212", null);
        assertEquals("uploaded <b>estate</b>", account.path("name").asText());
        assertEquals("uploaded-1", account.path("roles").get(0).path("externalId").asText());
        JsonNode list = call("GET", "accounts?limit=2", null);
        assertEquals(5, list.path("total").asInt());
        assertEquals(2, list.path("accounts").size());
        assertEquals("cw-codespaces-5f2c9a71e4", call("GET", "accounts/111111111111", null).path("roles").get(0)
                .path("externalId").asText());
        assertEquals(400, status("POST", "estate", "accounts: [{id: nope}]"));
    }

    @Test
    void changeARolesExternalIdTrustAndPermissions() throws Exception {
        JsonNode role = call("PUT", "accounts/444444444444/roles/AuditNoCondition",
                "{\"externalId\": null, \"trustedPrincipals\": [\"hub\"], \"allowedActions\": [\"guardduty:List*\"]}");
        assertTrue(role.path("externalId").isNull());
        StsClient sts = fixture.track(fixture.factory.create(StsClient.builder(), Region.US_EAST_1, fixture.hub()));
        assertEquals("444444444444", sts.assumeRole(r -> r.roleArn("arn:aws:iam::444444444444:role/AuditNoCondition")
                .roleSessionName("no-condition")).assumedRoleUser().arn().split(":")[4]);
        call("PUT", "accounts/444444444444/roles/AuditNoCondition", "{\"externalId\": \"now-required\"}");
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> sts.assumeRole(r -> r
                .roleArn("arn:aws:iam::444444444444:role/AuditNoCondition").roleSessionName("no-condition")));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void faultsAndTheClockThroughTheApi() throws Exception {
        GuardDutyClient guardDuty = fixture.track(fixture.factory.create(GuardDutyClient.builder(), Region.US_EAST_1,
                fixture.role(SandboxFixture.WELL_RUN)));
        String id = call("POST", "faults", "{\"kind\": \"server_error\", \"status\": 503, \"service\": \"guardduty\"}")
                .path("id").asText();
        assertEquals(1, call("GET", "faults", null).path("faults").size());
        AwsServiceException unavailable = assertThrows(AwsServiceException.class, guardDuty::listDetectors);
        assertEquals(503, unavailable.statusCode());
        call("DELETE", "faults/" + id, null);
        assertEquals(1, guardDuty.listDetectors().detectorIds().size());
        call("POST", "faults", "{\"rule\": \"latency millis=10\"}");
        call("DELETE", "faults", null);
        assertEquals(0, call("GET", "faults", null).path("faults").size());

        Instant before = Instant.parse(call("GET", "clock", null).path("now").asText());
        JsonNode advanced = call("POST", "clock/advance", "{\"duration\": \"PT2H\"}");
        assertTrue(Duration.between(before, Instant.parse(advanced.path("now").asText())).toMinutes() >= 120);
        assertEquals(7200, advanced.path("offsetSeconds").asLong());
        call("POST", "reset", null);
        assertEquals(0, call("GET", "clock", null).path("offsetSeconds").asLong());
        assertNull(fixture.sandbox.estate().role("444444444444", "AuditNoCondition").orElse(null));
    }

    @Test
    void hubCredentialsAreShownForTheCli() throws Exception {
        JsonNode hub = call("GET", "hub", null);
        assertEquals(fixture.sandbox.endpoint().toString(), hub.path("endpoint").asText());
        assertEquals("AKIACLOUDWARDHUB0001", hub.path("accessKeyId").asText());
        assertEquals(404, status("GET", "no-such-thing", null));
    }

    private static JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static int status(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body).statusCode();
    }

    private static HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(fixture.sandbox.endpoint() + "/_sandbox/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
