package io.cloudward.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.cloudward.api.FindingSeeds.MARKUP;
import static io.cloudward.api.FindingSeeds.SSH;
import static io.cloudward.api.FindingSeeds.fail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The findings API over real PostgreSQL and Keycloak: list, filters, cursors, detail, history, bulk actions, export. */
@QuarkusTest
class FindingsResourceIT {
    private static final String BASE = "/api/v1/tenants/{t}/findings";

    String alice;
    UUID tenant;
    FindingSeeds seeds;

    @BeforeEach
    void seed() {
        alice = Tokens.accessToken("alice");
        tenant = TenantFixtures.createTenant(alice, "findings-api");
        seeds = new FindingSeeds(tenant);
        seeds.checks("eu-west-1", "exposure",
                fail("SecurityGroupOpenRdp", "sg-r1", "EXPOSED"), fail("SecurityGroupOpenRdp", "sg-r2", "EXPOSED"),
                fail(SSH, "sg-s1", "EXPOSED"), fail(SSH, "sg-s2", null), fail(SSH, "sg-s3", null),
                fail("RdsDeletionProtectionEnabled", "db-1", null), fail("RdsDeletionProtectionEnabled", "db-2", null));
        seeds.guardDutyWithMarkup("gd-markup", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    }

    private JsonPath list(String query) {
        return given().auth().oauth2(alice).when().get(BASE + query, tenant).then().statusCode(200).extract().jsonPath();
    }

    private UUID idOf(String resourceId) {
        return UUID.fromString(list("?q=" + resourceId).getString("items[0].id"));
    }

    @Test
    void pagesAreStableAndComplete() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var response = given().auth().oauth2(alice).queryParam("sort", "severity").queryParam("limit", 3)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .when().get(BASE, tenant).then().statusCode(200).extract();
            JsonPath page = response.jsonPath();
            page.getList("items.resourceId", String.class).forEach(seen::add);
            cursor = page.getString("nextCursor");
            if (cursor != null) {
                assertTrue(response.header("Link").contains("rel=\"next\""), response.header("Link"));
                assertTrue(response.header("Link").contains("limit=3"), "the next link keeps the filters");
            }
            if (pages++ == 0) {
                // a finding that arrives while a client pages neither shifts nor repeats the rest
                seeds.checks("eu-west-1", "exposure", fail(SSH, "sg-late", null));
            }
        } while (cursor != null);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no finding twice: " + seen);
        assertTrue(seen.containsAll(List.of("sg-r1", "sg-r2", "sg-s1", "sg-s2", "sg-s3", "db-1", "db-2", "i-0markup")), seen::toString);
    }

    @Test
    void filtersNarrowAndBadParametersAreRefused() {
        assertEquals(4, list("?minSeverity=high").getList("items").size(), "2 RDP + SSH exposed + GuardDuty HIGH");
        assertEquals(2, list("?severity=critical").getList("items").size());
        assertEquals(4, list("?severity=medium,low").getList("items").size());
        assertEquals(4, list("?severity=medium&severity=low").getList("items").size());
        assertEquals(1, list("?category=threat-detection").getList("items").size());
        assertEquals(1, list("?source=guardduty&accountId=111122223333&region=eu-west-1&status=open").getList("items").size());
        assertEquals(2, list("?q=RDSDELETION&sort=firstSeen").getList("items").size());
        assertEquals(0, list("?incidentId=" + UUID.randomUUID()).getList("items").size());

        for (String bad : List.of("severty=high", "severity=urgent", "minSeverity=x", "category=nope", "status=gone",
                "accountId=1234", "region=EU%20WEST", "sort=random", "limit=0", "limit=501", "cursor=junk",
                "incidentId=not-a-uuid", "q=" + "x".repeat(201))) {
            String field = bad.substring(0, bad.indexOf('='));
            given().auth().oauth2(alice).when().get(BASE + "?" + bad, tenant).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is(field));
        }
    }

    @Test
    void detailCarriesEvidenceRemediationAndHistory() {
        UUID id = idOf("sg-s2");
        given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, id).then().statusCode(200)
                .body("finding.checkId", is(SSH))
                .body("evidence.port", is(22))
                .body("remediation.console.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("remediation.references[0]", org.hamcrest.Matchers.startsWith("https://"))
                .body("remediation.risk", notNullValue())
                .body("history[0].type", is("CREATED"));
        given().auth().oauth2(alice).when().get(BASE + "/{id}/history", tenant, id).then().statusCode(200)
                .body("type", is(List.of("CREATED")));
        given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(alice).when().get(BASE + "/{id}/history", tenant, UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(alice).when().get(BASE + "/not-a-uuid", tenant).then().statusCode(404);
    }

    @Test
    void awsMarkupComesBackVerbatimAsJsonStrings() throws Exception {
        UUID id = idOf("i-0markup");
        var response = given().auth().oauth2(alice).when().get(BASE + "/{id}", tenant, id).then().statusCode(200)
                .contentType(ContentType.JSON).extract();
        JsonNode body = new ObjectMapper().readTree(response.asString());
        assertEquals(MARKUP, body.path("finding").path("title").textValue());
        assertEquals("desc " + MARKUP, body.path("finding").path("description").textValue());
        assertTrue(body.path("evidence").toString().contains(new ObjectMapper().writeValueAsString(MARKUP)),
                "evidence keeps the markup as a JSON string: " + body.path("evidence"));
        assertEquals("application/json", response.contentType().split(";")[0]);
        assertTrue(body.path("remediation").path("references").size() > 0, "GuardDuty findings point to AWS guidance");
    }

    @Test
    void bulkActionsReportEachIdAndNeverTouchAnotherTenant() {
        UUID otherTenant = TenantFixtures.createTenant(alice, "other");
        new FindingSeeds(otherTenant).checks("eu-west-1", "exposure", fail(SSH, "sg-theirs", null));
        UUID theirs = UUID.fromString(given().auth().oauth2(alice).when().get(BASE, otherTenant).then().statusCode(200)
                .extract().path("items[0].id"));
        UUID a = idOf("sg-s2");
        UUID b = idOf("sg-s3");
        UUID unknown = UUID.randomUUID();

        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "suppress", "ids", List.of(a, b, theirs, unknown), "reason", "accepted: bastions",
                        "until", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                .when().post(BASE + "/actions", tenant).then().statusCode(200)
                .body("changed", is(2)).body("notFound", is(2)).body("unchanged", is(0))
                .body("results.find { it.id == '" + theirs + "' }.result", is("not-found"))
                .body("results.find { it.id == '" + a + "' }.result", is("changed"));
        given().auth().oauth2(alice).when().get(BASE + "/{id}", otherTenant, theirs).then().statusCode(200)
                .body("finding.status", is("OPEN")).body("history", hasSize(1));
        assertEquals("SUPPRESSED", list("?q=sg-s2").getString("items[0].status"));

        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "suppress", "ids", List.of(a, b), "reason", "again"))
                .when().post(BASE + "/actions", tenant).then().statusCode(200).body("unchanged", is(2));
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "assign", "ids", List.of(a), "assignee", "bob@example.com"))
                .when().post(BASE + "/actions", tenant).then().statusCode(200).body("changed", is(1));
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "comment", "ids", List.of(a), "comment", "SEC-12 <b>bold</b>"))
                .when().post(BASE + "/actions", tenant).then().statusCode(200).body("changed", is(1));
        given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("action", "resolve", "ids", List.of(a), "reason", "fixed"))
                .when().post(BASE + "/actions", tenant).then().statusCode(200).body("changed", is(1));
        given().auth().oauth2(alice).when().get(BASE + "/{id}/history", tenant, a).then().statusCode(200)
                .body("type", is(List.of("CREATED", "SUPPRESSED", "ASSIGNED", "COMMENTED", "RESOLVED")))
                .body("[3].detail.comment", is("SEC-12 <b>bold</b>"));
        // one audit entry per request, written by the endpoint
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/audit?action=findings.bulk-action", tenant).then()
                .statusCode(200).body("items", hasSize(5)).body("items[0].summary.action", is("findings.resolve"));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("action", "suppress", "ids", List.of(a)),
                Map.of("action", "comment", "ids", List.of(a)),
                Map.of("action", "resolve", "ids", List.of()),
                Map.of("action", "resolve", "ids", IntStream.range(0, 501).mapToObj(i -> UUID.randomUUID()).toList()),
                Map.of("action", "suppress", "ids", List.of(a), "reason", "x", "until", "2001-01-01T00:00:00Z"))) {
            given().auth().oauth2(alice).contentType(ContentType.JSON).body(bad)
                    .when().post(BASE + "/actions", tenant).then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"action\": \"delete\", \"ids\": [\"" + a + "\"]}")
                .when().post(BASE + "/actions", tenant).then().statusCode(400);
        given().auth().oauth2(alice).contentType(ContentType.JSON).body("{\"action\": \"resolve\", \"ids\": [\"nope\"]}")
                .when().post(BASE + "/actions", tenant).then().statusCode(400);
    }

    @Test
    void exportsStreamCsvAndJsonLinesWithTheListFilters() throws Exception {
        var csv = given().auth().oauth2(alice).when().get(BASE + "/export?format=csv&minSeverity=high&sort=severity", tenant)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("findings.csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertTrue(lines.getFirst().startsWith("id,account_id,region,source,check_id"), lines.getFirst());
        assertEquals(5, lines.size(), csv);
        assertTrue(lines.get(1).contains(",CRITICAL,"), "worst first: " + lines.get(1));
        assertTrue(csv.contains("\"<script>alert('x')</script><img src=x onerror=alert(1)> & \"\"quotes\"\"\""),
                "markup is data, quoted as CSV: " + csv);

        String jsonl = given().auth().oauth2(alice).when().get(BASE + "/export?format=jsonl", tenant)
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : jsonl.lines().toList()) {
            rows.add(json.readTree(line));
        }
        assertEquals(8, rows.size());
        assertTrue(rows.stream().anyMatch(r -> MARKUP.equals(r.path("title").textValue())));

        given().auth().oauth2(alice).when().get(BASE + "/export?format=xml", tenant).then().statusCode(400);
        given().auth().oauth2(alice).when().get(BASE + "/export?colour=red", tenant).then().statusCode(400)
                .body("errors[0].field", is("colour"));
    }

    @Test
    void anotherTenantSeesNothing() {
        UUID id = idOf("sg-s2");
        UUID other = TenantFixtures.createTenant(alice, "nosy");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
        // another tenant's credentials on this tenant's paths
        for (String path : List.of(BASE, BASE + "/" + id, BASE + "/" + id + "/history", BASE + "/export")) {
            given().auth().oauth2(otherToken).when().get(path, tenant).then().statusCode(404)
                    .body(not(containsString("sg-s2")));
        }
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("action", "resolve", "ids", List.of(id))).when().post(BASE + "/actions", tenant).then().statusCode(404);
        // this tenant's ids on the other tenant's own paths
        given().auth().oauth2(otherToken).when().get(BASE, other).then().statusCode(200).body("items", hasSize(0))
                .body("nextCursor", nullValue());
        given().auth().oauth2(otherToken).when().get(BASE + "/{id}", other, id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get(BASE + "/{id}/history", other, id).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get(BASE + "/export?format=jsonl", other).then().statusCode(200)
                .body(is(""));
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("action", "resolve", "ids", List.of(id))).when().post(BASE + "/actions", other).then()
                .statusCode(200).body("notFound", is(1)).body("changed", is(0));
        assertEquals("OPEN", list("?q=sg-s2").getString("items[0].status"));
        given().auth().oauth2(alice).when().get(BASE + "?status=open", tenant).then().statusCode(200)
                .body("items.status", everyItem(is("OPEN")));
    }
}
