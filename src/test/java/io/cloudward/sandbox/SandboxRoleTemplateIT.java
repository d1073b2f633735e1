package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.onboarding.CollectorPermissions;
import io.cloudward.sandbox.estate.CloudwardRoleTemplate;
import io.cloudward.sandbox.estate.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Cloudward roles in the sandbox may call exactly what the role template they were deployed from grants. */
class SandboxRoleTemplateIT {

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
    void aScenarioRoleAllowsExactlyTheTemplatesActions() {
        Role codespaces = role(SandboxFixture.CODESPACES);
        assertEquals(CloudwardRoleTemplate.permissions(false).allowed(), Set.copyOf(codespaces.allowedActions()));
        assertTrue(codespaces.permits("backup:ListBackupPlans"));
        assertFalse(codespaces.permits("s3:GetObject"));
        assertFalse(codespaces.permits("organizations:ListAccounts"));
        assertTrue(role(SandboxFixture.WELL_RUN).permits("organizations:ListAccounts"),
                "an organisation's management account deploys it with EnableOrganizationListing=true");

        backup(SandboxFixture.CODESPACES).listBackupPlans();
        S3Client s3 = fixture.track(fixture.factory.create(S3Client.builder(), Region.EU_WEST_1,
                fixture.role(SandboxFixture.CODESPACES)));
        AwsServiceException denied = assertThrows(AwsServiceException.class,
                () -> s3.getBucketLocation(r -> r.bucket("codespaces-build-artifacts")));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("s3:GetBucketLocation"),
                denied.awsErrorDetails().errorMessage());
    }

    @Test
    void aTemplateWithOneActionRemovedDeniesThatActionOnly() {
        String template = CloudwardRoleTemplate.text();
        String withoutListPlans = template.replaceFirst("(?m)^\\s*- backup:ListBackupPlans\\R", "");
        assertNotEquals(template, withoutListPlans);
        fixture.sandbox.estate().applyTemplate(SandboxFixture.BLIND_SPOTS, SandboxFixture.ROLE, withoutListPlans,
                Map.of());

        Role role = role(SandboxFixture.BLIND_SPOTS);
        Set<String> missing = CollectorPermissions.requiredActions(false).stream()
                .filter(action -> !role.permits(action)).collect(Collectors.toSet());
        assertEquals(Set.of("backup:ListBackupPlans"), missing);
        assertEquals("cw-blind-spots-2a9d6f18b0", role.externalId(), "the trust is left as it was");

        BackupClient backup = backup(SandboxFixture.BLIND_SPOTS);
        AwsServiceException denied = assertThrows(AwsServiceException.class, backup::listBackupPlans);
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertEquals(403, denied.statusCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("backup:ListBackupPlans"),
                denied.awsErrorDetails().errorMessage());
        backup.listBackupVaults();
        backup.listBackupJobs();
    }

    @Test
    void theAdminApiAppliesATemplateWithItsParameters() throws Exception {
        String path = "accounts/" + SandboxFixture.EXPOSED_DB + "/roles/" + SandboxFixture.ROLE + "/template";
        HttpResponse<String> applied = put(path + "?EnableOrganizationListing=true", CloudwardRoleTemplate.text());
        assertEquals(200, applied.statusCode(), applied.body());
        JsonNode body = new ObjectMapper().readTree(applied.body());
        Set<String> allowed = new HashSet<>();
        body.path("allowedActions").forEach(action -> allowed.add(action.asText()));
        assertEquals(CloudwardRoleTemplate.permissions(true).allowed(), allowed);
        assertEquals("cw-exposed-db-8e41d07b3c", body.path("externalId").asText());
        assertTrue(role(SandboxFixture.EXPOSED_DB).permits("organizations:DescribeOrganization"));

        assertEquals(400, put(path + "?EnableOrganizationListing=maybe", CloudwardRoleTemplate.text()).statusCode());
        assertEquals(400, put(path, "Resources: [unclosed").statusCode());
        assertEquals(400, put("accounts/" + SandboxFixture.EXPOSED_DB + "/roles/NoSuchRole/template",
                CloudwardRoleTemplate.text()).statusCode());
    }

    private static Role role(String accountId) {
        return fixture.sandbox.estate().role(accountId, SandboxFixture.ROLE).orElseThrow();
    }

    private static BackupClient backup(String accountId) {
        return fixture.track(fixture.factory.create(BackupClient.builder(), Region.EU_WEST_1, fixture.role(accountId)));
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(fixture.sandbox.endpoint() + "/_sandbox/" + path))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
