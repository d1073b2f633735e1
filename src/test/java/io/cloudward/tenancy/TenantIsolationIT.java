package io.cloudward.tenancy;

import io.agroal.api.AgroalDataSource;
import io.cloudward.devstack.TestPeople;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Tenants never see each other: not through the API, and not through the database alone. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    @Inject
    AgroalDataSource appDataSource;

    @Inject
    @DataSource("platform")
    AgroalDataSource platformDataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    TenantRunner runner;

    String alice;
    String bob;
    UUID tenantA;
    UUID tenantB;

    @BeforeEach
    void twoTenants() {
        if (tenantA != null) {
            return;
        }
        alice = TestPeople.create("iso-a").token();
        bob = TestPeople.create("iso-b").token();
        tenantA = create(alice, "iso-a-" + System.nanoTime(), "Tenant A <b>bold</b>");
        tenantB = create(bob, "iso-b-" + System.nanoTime(), "Tenant B");
    }

    private static UUID create(String token, String slug, String name) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", name))
                .when().post("/api/v1/tenants")
                .then().statusCode(201).body("role", is("OWNER")).extract().path("id"));
    }

    @Test
    void eachPersonListsOnlyTheirTenants() {
        given().auth().oauth2(alice).when().get("/api/v1/tenants").then().statusCode(200)
                .body("id", hasItem(tenantA.toString()))
                .body("id", not(hasItem(tenantB.toString())));
    }

    @Test
    void anotherTenantsResourcesAnswer404WithNoData() {
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/members", tenantA).then().statusCode(200)
                .body("size()", is(1));
        for (String path : new String[] {"/api/v1/tenants/" + tenantB + "/members",
                "/api/v1/tenants/" + UUID.randomUUID() + "/members",
                "/api/v1/tenants/not-a-uuid/members",
                "/api/v1/tenants/" + tenantB + "/audit"}) {
            given().auth().oauth2(alice).when().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", is("https://cloudward.dev/problems/not-found"))
                    .body(not(containsString("Tenant B")));
        }
    }

    @Test
    void duplicateSlugIsAClearConflict() {
        String slug = "dup-" + System.nanoTime();
        create(alice, slug, "First");
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Second"))
                .when().post("/api/v1/tenants").then().statusCode(409)
                .body("type", is("https://cloudward.dev/problems/slug-taken"));
        given().auth().oauth2(bob).contentType(ContentType.JSON).body(Map.of("slug", "Bad Slug!", "name", ""))
                .when().post("/api/v1/tenants").then().statusCode(400)
                .body("type", is("https://cloudward.dev/problems/validation"))
                .body("errors.field", hasItem("slug"));
    }

    @Test
    void rowLevelSecurityAloneHidesOtherTenantsRows() throws Exception {
        // Raw SQL as the application role, bypassing every application-side filter.
        try (Connection c = appDataSource.getConnection()) {
            assertEquals(0, count(c, "select count(*) from member where tenant_id = '" + tenantB + "'"),
                    "no tenant set: nothing is visible");
            try (PreparedStatement set = c.prepareStatement("select set_config('cloudward.tenant_id', ?, false)")) {
                set.setString(1, tenantA.toString());
                set.execute();
            }
            assertEquals(0, count(c, "select count(*) from member where tenant_id = '" + tenantB + "'"),
                    "tenant A's connection sees none of tenant B's members");
            assertEquals(0, count(c, "select count(*) from tenant where id = '" + tenantB + "'"));
            assertEquals(1, count(c, "select count(*) from member where tenant_id = '" + tenantA + "'"));
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> c.createStatement()
                    .execute("insert into member (id, tenant_id, subject, email, role) values (gen_random_uuid(), '"
                            + tenantB + "', 'intruder', 'x@example.com', 'OWNER')"));
            assertEquals("42501", error.getSQLState(), "row-level security refuses writing into another tenant");
            c.createStatement().execute("select set_config('cloudward.tenant_id', '', false)");
        }
    }

    @Test
    void auditLogIsAppendOnlyAndTamperEvident() throws Exception {
        Access system = TenantRunner.system(tenantA, "test");
        runner.run(system, () -> auditLog.record("test.entry", "thing", "1", Map.of("n", 1)));
        runner.run(system, () -> auditLog.record("test.entry", "thing", "2", Map.of("n", 2)));
        assertNull(runner.call(system, () -> auditLog.firstBrokenEntry(tenantA)), "an untouched chain verifies");

        try (Connection c = appDataSource.getConnection()) {
            c.createStatement().execute("select set_config('cloudward.tenant_id', '" + tenantA + "', false)");
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> c.createStatement().executeUpdate("update audit_event set actor = 'nobody'"));
            assertEquals("42501", error.getSQLState(), "the application cannot rewrite history");
            c.createStatement().execute("select set_config('cloudward.tenant_id', '', false)");
        }
        long tampered;
        try (Connection c = platformDataSource.getConnection()) {
            ResultSet rs = c.createStatement().executeQuery("select min(seq) from audit_event where tenant_id = '" + tenantA + "'");
            rs.next();
            tampered = rs.getLong(1);
            c.createStatement().executeUpdate("update audit_event set actor = 'mallory' where seq = " + tampered);
        }
        assertEquals(tampered, runner.call(system, () -> auditLog.firstBrokenEntry(tenantA)));
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/audit/verification", tenantA).then()
                .statusCode(200).body("intact", is(false)).body("firstBrokenSeq", is((int) tampered));
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
