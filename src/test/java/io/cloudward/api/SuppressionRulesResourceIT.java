package io.cloudward.api;

import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.cloudward.api.FindingSeeds.SSH;
import static io.cloudward.api.FindingSeeds.fail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Suppression rules over the API: validation, idempotent creation, ETag/If-Match updates, revocation, isolation. */
@QuarkusTest
class SuppressionRulesResourceIT {
    private static final String BASE = "/api/v1/tenants/{t}/suppression-rules";

    String alice;
    UUID tenant;

    @BeforeEach
    void seed() {
        alice = Tokens.accessToken("alice");
        tenant = TenantFixtures.createTenant(alice, "rules");
        new FindingSeeds(tenant).checks("eu-west-1", "exposure", fail(SSH, "sg-dev-1", null), fail(SSH, "sg-prod-1", null));
    }

    private static Map<String, Object> rule(String reason) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("checkId", SSH);
        rule.put("resourcePattern", "sg-dev-*");
        rule.put("reason", reason);
        rule.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
        return rule;
    }

    private String status(String resourceId) {
        return given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/findings?q=" + resourceId, tenant)
                .then().statusCode(200).extract().path("items[0].status");
    }

    @Test
    void createUpdateWithETagAndRevoke() {
        var created = given().auth().oauth2(alice).contentType(ContentType.JSON).body(rule("dev bastions, reviewed"))
                .when().post(BASE, tenant).then().statusCode(201)
                .header("Location", notNullValue()).header("ETag", is("\"0\""))
                .body("state", is("active")).body("createdAt", notNullValue()).extract();
        String id = created.path("id");
        assertEquals("SUPPRESSED", status("sg-dev-1"));
        assertEquals("OPEN", status("sg-prod-1"));

        String etag = given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("reason", is("dev bastions, reviewed")).extract().header("ETag");
        Map<String, Object> change = Map.of("reason", "dev bastions, reviewed again",
                "expiresAt", Instant.now().plus(60, ChronoUnit.DAYS).toString());

        given().auth().oauth2(alice).contentType(ContentType.JSON).body(change)
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(428)
                .contentType("application/problem+json").body("type", is("https://cloudward.dev/problems/precondition-required"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", "\"41\"").body(change)
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(412)
                .body("type", is("https://cloudward.dev/problems/precondition-failed"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", "garbage").body(change)
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(412);
        String next = given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("reason", is("dev bastions, reviewed again")).extract().header("ETag");
        assertNotEquals(etag, next);
        // the same stale ETag again: someone else's change would be lost
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", etag).body(change)
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(412);
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("If-Match", next)
                .body(Map.of("reason", "too long", "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()))
                .when().put(BASE + "/{id}", tenant, id).then().statusCode(400).body("errors[0].field", is("expiresAt"));

        given().auth().oauth2(alice).when().delete(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("state", is("revoked")).body("revokedAt", notNullValue());
        assertEquals("OPEN", status("sg-dev-1"));
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/audit?action=suppression.*", tenant).then()
                .statusCode(200).body("items.action", is(List.of("suppression.revoked", "suppression.updated", "suppression.created")));
    }

    @Test
    void invalidRulesAreRefusedWithTheField() {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        cases.put("reason", with(rule(null), "reason", null));
        cases.put("expiresAt", with(rule("r"), "expiresAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        cases.put("expiresAt ", with(rule("r"), "expiresAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()));
        cases.put("expiresAt  ", with(rule("r"), "expiresAt", null));
        cases.put("checkId", with(with(rule("r"), "checkId", "*"), "resourcePattern", null));
        cases.put("checkId ", with(rule("r"), "checkId", "Bad Check;"));
        cases.put("resourcePattern", with(rule("r"), "resourcePattern", "**"));
        cases.put("accountId", with(rule("r"), "accountId", "12345"));
        cases.put("region", with(rule("r"), "region", "mars-1"));
        cases.put("checkId  ", Map.of("reason", "r", "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()));
        cases.forEach((field, body) -> given().auth().oauth2(alice).contentType(ContentType.JSON).body(body)
                .when().post(BASE, tenant).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is(field.strip())));
        given().auth().oauth2(alice).when().get(BASE, tenant).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(alice).when().get(BASE + "?state=active", tenant).then().statusCode(400);
        given().auth().oauth2(alice).when().get(BASE + "?cursor=junk", tenant).then().statusCode(400);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = rule("dev bastions");
        var first = given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(BASE, tenant).then().statusCode(201).extract();
        var replay = given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(BASE, tenant).then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertEquals(first.path("id").toString(), replay.path("id").toString());
        assertEquals(first.header("Location"), replay.header("Location"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", key).body(rule("another reason"))
                .when().post(BASE, tenant).then().statusCode(422)
                .body("type", is("https://cloudward.dev/problems/idempotency-key-reused"));
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", "bad key with spaces").body(body)
                .when().post(BASE, tenant).then().statusCode(400);
        // another principal's identical key is its own
        UUID otherTenantTokenOwner = tenant;
        String token = TenantFixtures.createApiTokenWithoutMfaCheck(otherTenantTokenOwner);
        var other = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post(BASE, tenant).then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract();
        assertNotEquals(first.path("id").toString(), other.path("id").toString());
        // a failed create does not burn the key
        String failing = "fail-" + UUID.randomUUID();
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", failing)
                .body(with(rule("r"), "accountId", "1")).when().post(BASE, tenant).then().statusCode(400);
        given().auth().oauth2(alice).contentType(ContentType.JSON).header("Idempotency-Key", failing).body(rule("r"))
                .when().post(BASE, tenant).then().statusCode(201).header("Idempotent-Replayed", nullValue());

        // three rules now: pages of one, newest first, each once
        var page1 = given().auth().oauth2(alice).when().get(BASE + "?limit=2", tenant).then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract();
        given().auth().oauth2(alice).when().get(BASE + "?limit=2&cursor=" + page1.path("nextCursor"), tenant).then()
                .statusCode(200).body("items", hasSize(1)).body("nextCursor", nullValue())
                .body("items[0].id", not(is(page1.path("items[0].id").toString())));
    }

    @Test
    void anotherTenantSeesNothing() {
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON).body(rule("ours"))
                .when().post(BASE, tenant).then().statusCode(201).extract().path("id");
        UUID other = TenantFixtures.createTenant(alice, "nosy-rules");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
        Map<String, Object> change = Map.of("reason", "theirs now", "expiresAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        for (UUID t : List.of(tenant, other)) {
            int expectedList = t.equals(tenant) ? 404 : 200;
            given().auth().oauth2(otherToken).when().get(BASE, t).then().statusCode(expectedList);
            given().auth().oauth2(otherToken).when().get(BASE + "/{id}", t, id).then().statusCode(404);
            given().auth().oauth2(otherToken).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(change)
                    .when().put(BASE + "/{id}", t, id).then().statusCode(404);
            given().auth().oauth2(otherToken).when().delete(BASE + "/{id}", t, id).then().statusCode(404);
        }
        given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(rule("x")).when().post(BASE, tenant).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get(BASE, other).then().body("items", hasSize(0));
        given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("reason", is("ours")).body("state", is("active"));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
