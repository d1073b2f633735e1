package io.cloudward.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh people in the stack's Keycloak, one per test that needs them, so that tests do not depend on
 * each other's changes to the demo users (becoming OWNER somewhere makes Keycloak ask for a second factor).
 */
public final class TestPeople {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person with a password and, once signed in, a token valid for a few minutes. */
    public record Person(String id, String username, String email, String password) {
        /** Signs in with the password (no second factor: new people have none). */
        public String token() {
            return Tokens.accessToken(username, password);
        }
    }

    private TestPeople() {
    }

    /** Sets a permanent password, names and no pending required actions, as a person's first sign-in would. */
    public static void setPassword(String email, String password) {
        KeycloakServer keycloak = DevStack.shared().keycloak();
        String base = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        try {
            String admin = adminToken(keycloak);
            HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?exact=true&email="
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            String id = JSON.readTree(found.body()).get(0).get("id").asText();
            send(admin, base + "/" + id + "/reset-password", "PUT",
                    Map.of("type", "password", "value", password, "temporary", false));
            send(admin, base + "/" + id, "PUT", Map.of("requiredActions", List.of(), "firstName", "New", "lastName", "Comer",
                    "email", email, "emailVerified", true));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(String admin, String url, String method, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin " + method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static String adminToken(KeycloakServer keycloak) {
        return Tokens.tokenRequest(keycloak, Map.of("grant_type", "client_credentials",
                "client_id", "cloudward-admin", "client_secret", "cloudward-admin-dev-secret")).accessToken();
    }

    public static Person create(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@test.cloudward.dev";
        String password = "pw-" + UUID.randomUUID();
        Map<String, Object> user = Map.of("username", username, "email", email, "emailVerified", true, "enabled", true,
                "firstName", prefix, "lastName", "Tester",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        KeycloakServer keycloak = DevStack.shared().keycloak();
        String admin = adminToken(keycloak);
        try {
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(
                            keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Keycloak did not create " + username + ": " + created.body());
            }
            String location = created.headers().firstValue("Location").orElseThrow();
            return new Person(location.substring(location.lastIndexOf('/') + 1), username, email, password);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
