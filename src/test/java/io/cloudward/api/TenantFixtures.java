package io.cloudward.api;

import io.cloudward.tenancy.ApiTokens;
import io.cloudward.tenancy.Role;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tenants and API tokens for tests, made through the public API as a real user would. */
public final class TenantFixtures {
    private TenantFixtures() {
    }

    public static UUID createTenant(String userToken, String prefix) {
        return UUID.fromString(given().auth().oauth2(userToken).contentType(ContentType.JSON)
                .body(Map.of("slug", prefix + "-" + System.nanoTime(), "name", prefix + " tenant"))
                .when().post("/api/v1/tenants").then().statusCode(201).extract().path("id"));
    }

    /** Through the API: needs an MFA-authenticated owner or admin. */
    public static String createApiToken(String mfaUserToken, UUID tenant, Role role) {
        return given().auth().oauth2(mfaUserToken).contentType(ContentType.JSON)
                .body(Map.of("name", role + " token", "role", role.name()))
                .when().post("/api/v1/tenants/{t}/api-tokens", tenant)
                .then().statusCode(201).extract().path("secret");
    }

    /** Directly through the service, for a tenant whose owner has no second factor in the test realm. */
    public static String createApiTokenWithoutMfaCheck(UUID tenant) {
        TenantRunner runner = Arc.container().instance(TenantRunner.class).get();
        ApiTokens tokens = Arc.container().instance(ApiTokens.class).get();
        return runner.call(TenantRunner.system(tenant, "test"), () -> tokens.create("owner token", Role.OWNER, null).secret());
    }
}
