package io.cloudward.onboarding;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudward.api.TenantFixtures;
import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.cloudward.sandbox.estate.EstateDocument;
import io.cloudward.sandbox.estate.StackSetMembers;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Organisation onboarding against a sandbox organisation of 51 StackSet members (one without the role). */
@QuarkusTest
class OrganizationOnboardingIT {

    private static final String MANAGEMENT = "700000000000";

    @Test
    void connectsFiftyMemberAccountsInBulk() {
        SandboxServer sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        String alice = Tokens.accessToken("alice");
        UUID tenant = TenantFixtures.createTenant(alice, "org");
        JsonPath connection = given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("kind", "ORGANIZATION"))
                .when().post("/api/v1/tenants/{t}/connections", tenant).then().statusCode(201).extract().jsonPath();
        sandbox.estate().load(EstateDocument.stackSetOrganization("o-orgtest00001", MANAGEMENT,
                new StackSetMembers(51, connection.getString("externalId"), null, 1)));
        try {
            // A single-account connection cannot be used for an organisation, and vice versa.
            given().auth().oauth2(alice).contentType(ContentType.JSON)
                    .body(Map.of("connectionId", connection.getString("id"), "roleArn", role(MANAGEMENT)))
                    .when().post("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(400);

            String org = given().auth().oauth2(alice).contentType(ContentType.JSON)
                    .body(Map.of("connectionId", connection.getString("id"), "managementRoleArn", role(MANAGEMENT), "name", "management"))
                    .when().post("/api/v1/tenants/{t}/organizations", tenant).then().statusCode(201)
                    .body("organizationId", is("o-orgtest00001")).body("managementAccount", is(MANAGEMENT))
                    .extract().path("id");

            JsonPath members = given().auth().oauth2(alice).when()
                    .get("/api/v1/tenants/{t}/organizations/{o}/members", tenant, org).then().statusCode(200)
                    .body("", hasSize(52)).extract().jsonPath();
            assertEquals(List.of(MANAGEMENT), members.getList("findAll { it.connected }.accountId"));
            assertEquals(50, members.getList("findAll { !it.connected && it.roleReachable }").size());
            assertEquals(1, members.getList("findAll { !it.roleReachable }").size());

            given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/api/v1/tenants/{t}/organizations/{o}/members/connection", tenant, org).then()
                    .statusCode(200).body("requested", is(51)).body("connected", is(50)).body("failed", is(1))
                    .body("results.find { it.outcome == 'FAILED' }.detail", containsString("refused AssumeRole"));
            given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(200)
                    .body("", hasSize(51)).body("status", everyItem(is("CONNECTED")))
                    .body("organizationId", everyItem(is(org)));

            // Repeating resumes: only the member still without a role is tried, nothing is connected twice.
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of())
                    .when().post("/api/v1/tenants/{t}/organizations/{o}/members/connection", tenant, org).then()
                    .statusCode(200).body("requested", is(1)).body("connected", is(0));

            // Another tenant sees none of it.
            String mallory = TestPeople.create("org-other").token();
            UUID other = TenantFixtures.createTenant(mallory, "org-other");
            String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
            given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/organizations/{o}/members", other, org)
                    .then().statusCode(404);
            given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/organizations", other).then()
                    .statusCode(200).body("", hasSize(0));
        } finally {
            sandbox.reset();
        }
    }

    private static String role(String account) {
        return "arn:aws:iam::" + account + ":role/CloudwardSecurityAudit";
    }
}
