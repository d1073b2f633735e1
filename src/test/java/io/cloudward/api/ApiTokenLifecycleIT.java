package io.cloudward.api;

import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** API tokens from creation to revocation, and the second-factor gate in front of creating them. */
@QuarkusTest
class ApiTokenLifecycleIT {

    @Test
    void createUseListAndRevoke() {
        String alice = Tokens.accessToken("alice");
        UUID tenant = TenantFixtures.createTenant(alice, "tokens");
        var created = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("name", "terraform", "role", "ADMIN"))
                .when().post("/api/v1/tenants/{t}/api-tokens", tenant)
                .then().statusCode(201).body("secret", startsWith("cw_")).body("token.state", is("active"))
                .extract().jsonPath();
        String secret = created.getString("secret");
        String id = created.getString("token.id");

        given().auth().oauth2(secret).when().get("/api/v1/tenants/{t}/members", tenant).then().statusCode(200)
                .header("RateLimit-Limit", notNullValue()).header("RateLimit-Remaining", notNullValue());
        given().auth().oauth2(secret).when().get("/api/v1/tenants/{t}/members", UUID.randomUUID()).then().statusCode(404);

        // Listed without the secret, with its prefix and last use.
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/api-tokens", tenant).then().statusCode(200)
                .body("[0].prefix", is(secret.substring(0, 10)))
                .body("[0]", not(hasKey("secret")))
                .body("[0].lastUsedAt", notNullValue())
                .body(not(containsString(secret)));

        // A token cannot mint a token with a higher role than its own.
        given().auth().oauth2(secret).contentType(ContentType.JSON).body(Map.of("name", "escalate", "role", "OWNER"))
                .when().post("/api/v1/tenants/{t}/api-tokens", tenant).then().statusCode(400)
                .body("errors[0].field", is("role"));

        // Tokens are for the API, not for pages: a page asks for a browser sign-in.
        given().auth().oauth2(secret).redirects().follow(false).when().get("/t/{t}", tenant).then()
                .statusCode(302).header("Location", containsString("/realms/cloudward/"));

        given().auth().oauth2(alice).when().delete("/api/v1/tenants/{t}/api-tokens/{id}", tenant, id).then()
                .statusCode(200).body("state", is("revoked"));
        given().auth().oauth2(secret).when().get("/api/v1/tenants/{t}/members", tenant).then().statusCode(401);
        given().auth().oauth2("cw_not-a-real-token").when().get("/api/v1/tenants/{t}/members", tenant).then().statusCode(401);

        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/audit?action=api-token.*", tenant).then()
                .statusCode(200).body("items.action", org.hamcrest.Matchers.hasItems("api-token.created", "api-token.revoked"));
    }

    @Test
    void creatingATokenNeedsASecondFactor() {
        String ownerWithoutMfa = TestPeople.create("no-mfa").token();
        UUID tenant = TenantFixtures.createTenant(ownerWithoutMfa, "stepup");
        given().auth().oauth2(ownerWithoutMfa).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "VIEWER"))
                .when().post("/api/v1/tenants/{t}/api-tokens", tenant).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://cloudward.dev/problems/mfa-required"))
                .header("WWW-Authenticate", containsString("insufficient_user_authentication"));
        given().auth().oauth2(ownerWithoutMfa).when().get("/api/v1/tenants/{t}/audit?outcome=DENIED", tenant).then()
                .statusCode(200).body("items[0].action", is("authorization.denied"));
    }
}
