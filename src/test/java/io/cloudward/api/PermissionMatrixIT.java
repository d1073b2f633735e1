package io.cloudward.api;

import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.cloudward.tenancy.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The whole permission matrix, generated from the permission model: every tenant API endpoint × every
 * role answers 403 exactly when the role lacks the endpoint's permission, and junk input (an empty body,
 * unknown ids) never gets a 5xx; and every endpoint, called
 * with another tenant's credentials, answers 404 and shows nothing.
 */
@QuarkusTest
class PermissionMatrixIT {

    @Test
    void everyEndpointTimesEveryRole() {
        String alice = Tokens.accessToken("alice");
        UUID tenant = TenantFixtures.createTenant(alice, "matrix");
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, TenantFixtures.createApiToken(alice, tenant, role));
        }
        List<String> wrong = new ArrayList<>();
        List<Endpoints.Endpoint> endpoints = Endpoints.all().stream().filter(e -> e.api() && e.tenantScoped()).toList();
        assertFalse(endpoints.isEmpty());
        for (Endpoints.Endpoint endpoint : endpoints) {
            for (Role role : Role.values()) {
                int status = call(endpoint, tenant, given().auth().oauth2(tokens.get(role))).statusCode();
                boolean allowed = role.can(endpoint.permission());
                if (status >= 500) {
                    wrong.add(endpoint + " as " + role + " -> " + status + " (junk input must be answered 4xx, never 5xx)");
                } else if (allowed ? status == 403 || status == 401 : status != 403) {
                    wrong.add(endpoint + " as " + role + " -> " + status + (allowed ? " (should be allowed)" : " (should be 403)"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyEndpointWithAnotherTenantsCredentialsIs404() {
        String alice = Tokens.accessToken("alice");
        UUID victim = TenantFixtures.createTenant(alice, "victim");
        TestPeople.Person mallory = TestPeople.create("mallory");
        String malloryToken = mallory.token();
        UUID other = TenantFixtures.createTenant(malloryToken, "attacker");
        String otherOwnerApiToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);
        List<String> leaks = new ArrayList<>();
        for (Endpoints.Endpoint endpoint : Endpoints.all().stream().filter(e -> e.api() && e.tenantScoped()).toList()) {
            for (String credential : new String[] {malloryToken, otherOwnerApiToken}) {
                Response response = call(endpoint, victim, given().auth().oauth2(credential));
                if (response.statusCode() != 404 || response.asString().contains("victim")) {
                    leaks.add(endpoint + " -> " + response.statusCode() + " " + response.asString());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    static Response call(Endpoints.Endpoint endpoint, UUID tenant, RequestSpecification request) {
        String path = endpoint.path().replace("{tenantId}", tenant.toString()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (endpoint.mutating()) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.when().request(endpoint.method(), path);
    }
}
