package io.cloudward.api;

import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/** Incidents over the API: the Code Spaces story as one CRITICAL incident with its timeline and what to do. */
@QuarkusTest
class IncidentsResourceIT {
    private static final String BASE = "/api/v1/tenants/{t}/incidents";

    @Test
    void listAndDetailWithTimelineResourcesAndActions() {
        String alice = Tokens.accessToken("alice");
        UUID tenant = TenantFixtures.createTenant(alice, "incidents");
        new FindingSeeds(tenant).compromiseThenBlinding(Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

        String id = given().auth().oauth2(alice).when().get(BASE + "?status=open", tenant).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].severity", is("CRITICAL")).body("items[0].timeline", hasSize(0))
                .extract().path("items[0].id");
        given().auth().oauth2(alice).when().get(BASE + "?status=resolved", tenant).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(alice).when().get(BASE + "?limit=1", tenant).then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("incident.timeline.checkId", is(List.of("CryptoCurrency:EC2/BitcoinTool.B!DNS", "DEFENCE_EVASION:StopLogging")))
                .body("affectedResources.resourceId", hasItem("i-0abc"))
                .body("recommendedActions[0]", startsWith("Contain"))
                .body("recommendedActions", hasItem(startsWith("Restore the watcher")));
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/findings?incidentId=" + id, tenant).then()
                .statusCode(200).body("items", hasSize(2));

        given().auth().oauth2(alice).when().get(BASE + "?status=closed", tenant).then().statusCode(400).body("errors[0].field", is("status"));
        given().auth().oauth2(alice).when().get(BASE + "?severity=high", tenant).then().statusCode(400).body("errors[0].field", is("severity"));
        given().auth().oauth2(alice).when().get(BASE + "?cursor=abc", tenant).then().statusCode(400);
        given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, UUID.randomUUID()).then().statusCode(404);

        // another tenant: 404 on this tenant's paths, nothing on its own
        UUID other = TenantFixtures.createTenant(alice, "nosy-incidents");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
        given().auth().oauth2(otherToken).when().get(BASE, tenant).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get(BASE + "/{id}", tenant, id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get(BASE, other).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(otherToken).when().get(BASE + "/{id}", other, id).then().statusCode(404);
    }
}
