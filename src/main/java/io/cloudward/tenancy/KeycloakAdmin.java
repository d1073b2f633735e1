package io.cloudward.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few Keycloak admin calls Cloudward makes, as the {@code cloudward-admin} service account: find or
 * create the account of an invited person, and mark people who must sign in with a second factor.
 */
@ApplicationScoped
public class KeycloakAdmin {
    /** The realm role whose holders the sign-in flow asks for a one-time code. */
    public static final String MFA_ROLE = "mfa-required";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final String realmUrl;
    private final String adminUrl;
    private final String clientId;
    private final String clientSecret;
    private String accessToken;
    private Instant tokenExpires = Instant.EPOCH;

    public KeycloakAdmin(ObjectMapper json,
                         @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl,
                         @ConfigProperty(name = "cloudward.keycloak.admin-client-id", defaultValue = "cloudward-admin") String clientId,
                         @ConfigProperty(name = "cloudward.keycloak.admin-client-secret") String clientSecret) {
        this.json = json;
        this.realmUrl = realmUrl.replaceAll("/+$", "");
        this.adminUrl = this.realmUrl.replace("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public record NewUser(String id, String temporaryPassword) {
    }

    public Optional<String> findUserIdByEmail(String email) {
        JsonNode users = get("/users?exact=true&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        return users.isArray() && !users.isEmpty() ? Optional.of(users.get(0).get("id").asText()) : Optional.empty();
    }

    /** Creates an account that must choose its own password (and set up a one-time code) at first sign-in. */
    public NewUser createUser(String email, boolean requireOtp) {
        String temporary = ApiTokens.random(20);
        List<String> actions = requireOtp ? List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP") : List.of("UPDATE_PASSWORD");
        Map<String, Object> user = Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
                "requiredActions", actions,
                "credentials", List.of(Map.of("type", "password", "value", temporary, "temporary", true)));
        HttpResponse<String> response = send(request("/users").POST(body(user)));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Keycloak refused to create the user: HTTP " + response.statusCode());
        }
        String location = response.headers().firstValue("Location").orElseThrow();
        return new NewUser(location.substring(location.lastIndexOf('/') + 1), temporary);
    }

    /** Adds or removes the realm role that makes the sign-in flow ask for a one-time code. */
    public void requireMfa(String userId, boolean required) {
        JsonNode role = get("/roles/" + MFA_ROLE);
        String path = "/users/" + userId + "/role-mappings/realm";
        HttpRequest.BodyPublisher roles = body(List.of(Map.of("id", role.get("id").asText(), "name", MFA_ROLE)));
        HttpResponse<String> response = send(required ? request(path).POST(roles) : request(path).method("DELETE", roles));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the role mapping: HTTP " + response.statusCode());
        }
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = send(request(path).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin GET " + path + ": HTTP " + response.statusCode());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(adminUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json");
    }

    private HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized String token() {
        if (accessToken != null && Instant.now().isBefore(tokenExpires)) {
            return accessToken;
        }
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the admin client's credentials: HTTP " + response.statusCode());
        }
        try {
            JsonNode token = json.readTree(response.body());
            accessToken = token.get("access_token").asText();
            tokenExpires = Instant.now().plusSeconds(Math.max(10, token.get("expires_in").asLong() - 30));
            return accessToken;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
