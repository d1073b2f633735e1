package io.cloudward.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.api.TenantFixtures;
import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Onboarding end to end against the AWS sandbox, through the REST API: the customer's "stack" is simulated
 * by giving the sandbox role the ExternalId Cloudward generated, exactly what the CloudFormation parameter does.
 */
@QuarkusTest
class OnboardingIT {

    private static final String CODESPACES = "111111111111";
    private static final String BLIND_SPOTS = "333333333333";
    private static final String ROLE = "CloudwardSecurityAudit";

    private String alice;
    private UUID tenant;
    private SandboxServer sandbox;

    @BeforeEach
    void tenant() {
        sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        alice = Tokens.accessToken("alice");
        tenant = TenantFixtures.createTenant(alice, "onboard");
    }

    @AfterEach
    void resetSandbox() {
        sandbox.reset();
    }

    @Test
    void connectsAnAccountWithItsGeneratedExternalId() {
        JsonPath connection = startConnection();
        String externalId = connection.getString("externalId");
        assertTrue(externalId.length() >= 32, externalId);
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/connections/{c}?region=eu-west-1", tenant,
                        connection.getString("id")).then().statusCode(200)
                .body("externalId", is(externalId))
                .body("principalArn", is("arn:aws:iam::999999999999:user/cloudward-hub"))
                .body("instructions.quickCreateUrl", containsString("param_ExternalId=" + externalId))
                .body("instructions.quickCreateUrl", containsString("region=eu-west-1"))
                .body("instructions.cliCommand", containsString("ParameterValue=" + externalId))
                .body("instructions.terraform", containsString(externalId));
        deployStack(CODESPACES, externalId);

        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("roleArn", roleArn(CODESPACES)))
                .when().post("/api/v1/tenants/{t}/connections/{c}/verification", tenant, connection.getString("id"))
                .then().statusCode(200).body("usable", is(true)).body("status", is("CONNECTED"))
                .body("trustOpen", is(false))
                .body("steps.name", is(List.of("assume-role", "confused-deputy", "caller-identity", "regions", "permissions")))
                .body("steps.outcome", everyItem(is("PASSED")));

        JsonPath account = connect(connection.getString("id"), roleArn(CODESPACES), "codespaces", List.of())
                .then().statusCode(201).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals("CONNECTED", account.getString("status"));
        org.junit.jupiter.api.Assertions.assertEquals(account.getList("enabledRegions"), account.getList("regions"));
        assertTrue(account.getList("enabledRegions").contains("us-east-1"));
        assertTrue(account.getMap("capabilities").size() >= 9);

        // The connection's ExternalId was used up; the same account cannot be connected twice.
        connect(connection.getString("id"), roleArn(CODESPACES), "again", List.of()).then().statusCode(404);
        String second = startConnection().getString("id");
        connect(second, roleArn(CODESPACES), "again", List.of()).then().statusCode(409)
                .body("detail", containsString("already connected as \"codespaces\""));

        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(200)
                .body("accountId", is(List.of(CODESPACES)));
    }

    @Test
    void aRoleThatTrustsCloudwardWithoutTheExternalIdIsConnectedButFlagged() throws Exception {
        String id = startConnection().getString("id");
        connect(id, "arn:aws:iam::" + BLIND_SPOTS + ":role/LegacyAuditRole", "legacy", List.of())
                .then().statusCode(201).body("trustOpen", is(true))
                .body("verification.find { it.name == 'confused-deputy' }.outcome", is("WARNING"))
                .body("verification.find { it.name == 'confused-deputy' }.detail", containsString("confused-deputy"));
        // …and it is a HIGH finding with the fix (written after the connection committed).
        List<Integer> severities = List.of();
        for (int i = 0; i < 50 && severities.isEmpty(); i++) {
            Thread.sleep(200);
            severities = openFindings("CloudwardRoleRequiresExternalId");
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(3), severities, "one open HIGH finding");
    }

    /** Severities (0–4) of the tenant's open findings of a check, read past row security. */
    private List<Integer> openFindings(String checkId) throws Exception {
        try (var c = Arc.container().select(io.agroal.api.AgroalDataSource.class,
                        new io.quarkus.agroal.DataSource.DataSourceLiteral("platform")).get().getConnection();
             var query = c.prepareStatement("select severity from finding where tenant_id = ? and check_id = ? and status = 'OPEN'")) {
            query.setObject(1, tenant);
            query.setString(2, checkId);
            List<Integer> severities = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    severities.add(rows.getInt(1));
                }
            }
            return severities;
        }
    }

    @Test
    void aMissingPermissionMakesTheAccountDegradedAndNamesTheAction() {
        JsonPath connection = startConnection();
        deployStack(CODESPACES, connection.getString("externalId"));
        List<String> actions = new ArrayList<>(CollectorPermissions.requiredActions(false));
        actions.remove("backup:ListBackupPlans");
        sandbox.estate().setAllowedActions(CODESPACES, ROLE, actions);

        connect(connection.getString("id"), roleArn(CODESPACES), null, List.of()).then().statusCode(201)
                .body("status", is("DEGRADED"))
                .body("statusDetail", containsString("backup:ListBackupPlans"))
                .body("capabilities.BACKUP.granted", is(false))
                .body("capabilities.BACKUP.missingActions", is(List.of("backup:ListBackupPlans")))
                .body("capabilities.GUARDDUTY.granted", is(true));
    }

    @Test
    void wrongExternalIdAndBadArnsLeaveNothingBehind() {
        JsonPath connection = startConnection();
        deployStack(CODESPACES, "cw-an-external-id-from-another-connection-0001");
        connect(connection.getString("id"), roleArn(CODESPACES), null, List.of()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", containsString("role-not-usable"))
                .body("detail", containsString("refused AssumeRole"))
                .body("detail", containsString(connection.getString("externalId")));

        connect(connection.getString("id"), "arn:aws:iam::111111111111:user/admin", null, List.of()).then()
                .statusCode(400).body("errors[0].field", is("roleArn")).body("detail", containsString("not a role"));
        connect(connection.getString("id"), "arn:aws:iam::1111:role/x", null, List.of()).then().statusCode(400);
        connect(connection.getString("id"), "<script>alert(1)</script>", null, List.of()).then().statusCode(400)
                .body(not(containsString("<script>")));

        deployStack(CODESPACES, connection.getString("externalId"));
        connect(connection.getString("id"), roleArn(CODESPACES), null, List.of("us-east-1", "ap-east-1")).then()
                .statusCode(400).body("errors[0].field", is("regions")).body("detail", containsString("ap-east-1"));

        String faultId = sandbox.faults().add(FaultRule.parse("throttle service=sts operation=AssumeRole"));
        connect(connection.getString("id"), roleArn(CODESPACES), null, List.of()).then().statusCode(503)
                .header("Retry-After", "60").body("detail", containsString("throttling"));
        sandbox.faults().remove(faultId);

        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(200)
                .body("", empty());
        // The connection survives the failures: fixed, it connects.
        connect(connection.getString("id"), roleArn(CODESPACES), null, List.of("us-east-1")).then().statusCode(201)
                .body("regions", is(List.of("us-east-1")));
    }

    @Test
    void lifecycleReverifyRotateAndRemove() {
        JsonPath connection = startConnection();
        deployStack(CODESPACES, connection.getString("externalId"));
        String id = connect(connection.getString("id"), roleArn(CODESPACES), "cs", List.of()).then().statusCode(201)
                .extract().path("id");

        // The customer breaks the trust policy: the account is failing, with AWS's error.
        deployStack(CODESPACES, "cw-someone-changed-the-stack-parameter-000000");
        given().auth().oauth2(alice).when().post("/api/v1/tenants/{t}/accounts/{a}/verification", tenant, id).then()
                .statusCode(200).body("status", is("FAILING")).body("statusDetail", containsString("AccessDenied"));
        deployStack(CODESPACES, connection.getString("externalId"));
        given().auth().oauth2(alice).when().post("/api/v1/tenants/{t}/accounts/{a}/verification", tenant, id).then()
                .statusCode(200).body("status", is("CONNECTED"));

        // Rotation: the new ExternalId is only adopted once the role accepts it.
        String next = given().auth().oauth2(alice).when()
                .post("/api/v1/tenants/{t}/accounts/{a}/external-id-rotation", tenant, id).then().statusCode(200)
                .body("instructions.cliCommand", containsString("ExternalId")).extract().path("nextExternalId");
        given().auth().oauth2(alice).when()
                .post("/api/v1/tenants/{t}/accounts/{a}/external-id-rotation/confirmation", tenant, id).then()
                .statusCode(409).body("detail", containsString(next));
        deployStack(CODESPACES, next);
        given().auth().oauth2(alice).when()
                .post("/api/v1/tenants/{t}/accounts/{a}/external-id-rotation/confirmation", tenant, id).then()
                .statusCode(200).body("status", is("CONNECTED"));

        // Regions: a subset of the enabled ones.
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("regions", List.of("eu-west-1", "us-east-1")))
                .when().put("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(200)
                .body("regions", is(List.of("eu-west-1", "us-east-1")));

        // Removal keeping the data for 30 days, then for good.
        given().auth().oauth2(alice).when().delete("/api/v1/tenants/{t}/accounts/{a}?retainDays=30", tenant, id).then()
                .statusCode(200).body("status", is("DISCONNECTED")).body("purgeAfter", notNullValue());
        given().auth().oauth2(alice).when().delete("/api/v1/tenants/{t}/accounts/{a}?retainDays=400", tenant, id).then()
                .statusCode(400);
        given().auth().oauth2(alice).when().delete("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(204);
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(404);
    }

    @Test
    void aRemovedAccountIsPurgedWhenItsRetentionEnds() throws Exception {
        JsonPath connection = startConnection();
        deployStack(CODESPACES, connection.getString("externalId"));
        String id = connect(connection.getString("id"), roleArn(CODESPACES), "cs", List.of()).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(alice).when().delete("/api/v1/tenants/{t}/accounts/{a}?retainDays=30", tenant, id).then()
                .statusCode(200);
        var purge = Arc.container().instance(io.cloudward.accounts.AccountPurge.class).get();
        purge.purge();
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(200)
                .body("status", is("DISCONNECTED"));
        try (var c = Arc.container().select(io.agroal.api.AgroalDataSource.class,
                        new io.quarkus.agroal.DataSource.DataSourceLiteral("platform")).get().getConnection();
             var update = c.prepareStatement("update aws_account set purge_after = now() - interval '1 minute' where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            update.executeUpdate();
        }
        purge.purge();
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(404);
    }

    @Test
    void anotherTenantSeesNeitherAccountsNorConnections() {
        JsonPath connection = startConnection();
        deployStack(CODESPACES, connection.getString("externalId"));
        String id = connect(connection.getString("id"), roleArn(CODESPACES), "mine", List.of()).then().statusCode(201)
                .extract().path("id");
        String unused = startConnection().getString("id");

        String mallory = TestPeople.create("onb-other").token();
        UUID other = TenantFixtures.createTenant(mallory, "other");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/accounts", other).then().statusCode(200)
                .body("", empty());
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/accounts/{a}", other, id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/connections/{c}", other, unused).then().statusCode(404);
        // Another tenant's ExternalId cannot be borrowed to reach this tenant's role.
        connect(otherToken, other, unused, roleArn(CODESPACES)).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/accounts/{a}", tenant, id).then().statusCode(404);
    }

    private JsonPath startConnection() {
        return given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("kind", "ACCOUNT"))
                .when().post("/api/v1/tenants/{t}/connections", tenant).then().statusCode(201)
                .body("externalId", notNullValue()).extract().jsonPath();
    }

    private io.restassured.response.Response connect(String connectionId, String roleArn, String name, List<String> regions) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("connectionId", connectionId, "roleArn", roleArn,
                "regions", regions));
        if (name != null) {
            body.put("name", name);
        }
        return given().auth().oauth2(alice).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tenants/{t}/accounts", tenant);
    }

    private static io.restassured.response.Response connect(String token, UUID tenantId, String connectionId, String roleArn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("connectionId", connectionId, "roleArn", roleArn))
                .when().post("/api/v1/tenants/{t}/accounts", tenantId);
    }

    /** What creating the customer's stack does: the role now demands this ExternalId. */
    private void deployStack(String account, String externalId) {
        Role role = sandbox.estate().role(account, ROLE).orElseThrow();
        sandbox.estate().putRole(account, role.withExternalId(externalId));
    }

    private static String roleArn(String account) {
        return "arn:aws:iam::" + account + ":role/" + ROLE;
    }
}
