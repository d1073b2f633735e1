package io.cloudward.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Real tokens from Keycloak, for tests that call the API as a user. The methods without a
 * {@link KeycloakServer} use the shared dev stack's Keycloak. Users with a one-time-code secret in
 * {@link DemoUsers} (alice) send a fresh code in {@code totp}, as the realm's direct-grant flow asks.
 */
public final class Tokens {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    /** A token endpoint answer: the tokens when {@code status} is 200, otherwise {@code error}. */
    public record Grant(int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }

        public String accessToken() {
            return field("access_token");
        }

        public String idToken() {
            return field("id_token");
        }

        public String error() {
            return body.path("error").asText("");
        }

        public String errorDescription() {
            return body.path("error_description").asText("");
        }

        private String field(String name) {
            if (!ok() || !body.hasNonNull(name)) {
                throw new IllegalStateException("no " + name + " in Keycloak's answer (HTTP " + status + "): " + body);
            }
            return body.get(name).asText();
        }
    }

    /** Signs in with the demo user's password (and one-time code, if any) through the command-line client. */
    public static String accessToken(String username) {
        return accessToken(shared(), username);
    }

    /** Password grant for any user; demo users with a one-time-code secret also send a fresh code. */
    public static String accessToken(String username, String password) {
        return accessToken(shared(), username, password);
    }

    /** Password only, even for users with a one-time-code secret: for users who are not asked for a code. */
    public static String accessTokenWithoutMfa(String username) {
        return accessTokenWithoutMfa(shared(), username);
    }

    public static String accessToken(KeycloakServer keycloak, String username) {
        return accessToken(keycloak, username, DemoUsers.password(username));
    }

    /**
     * A user with a one-time-code secret gets a cached token while it has minutes left: each new sign-in needs an
     * unused code, which can mean waiting up to 30 seconds for the next one.
     */
    public static String accessToken(KeycloakServer keycloak, String username, String password) {
        Optional<String> secret = DemoUsers.otpSecret(username);
        if (secret.isEmpty()) {
            return refusedUnlessOk(username, passwordGrant(keycloak, username, password, null)).accessToken();
        }
        String key = keycloak.realmUrl() + "|" + username + "|" + password;
        CachedToken cached = CACHE.get(key);
        if (cached != null && cached.validUntil().isAfter(Instant.now().plusSeconds(120))) {
            return cached.token();
        }
        Instant asked = Instant.now();
        Grant grant = refusedUnlessOk(username, passwordGrant(keycloak, username, password, Totp.unusedCode(secret.get())));
        String token = grant.accessToken();
        CACHE.put(key, new CachedToken(token, asked.plusSeconds(grant.body().path("expires_in").asLong(0))));
        return token;
    }

    private record CachedToken(String token, Instant validUntil) {
    }

    private static final Map<String, CachedToken> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    public static String accessTokenWithoutMfa(KeycloakServer keycloak, String username) {
        return refusedUnlessOk(username, passwordGrant(keycloak, username, DemoUsers.password(username), null))
                .accessToken();
    }

    /** The raw password grant through {@code cloudward-cli}; {@code totp} may be null (not sent). */
    public static Grant passwordGrant(KeycloakServer keycloak, String username, String password, String totp) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id",
                DevStack.CLI_CLIENT, "username", username, "password", password, "scope", "openid"));
        if (totp != null) {
            form.put("totp", totp);
        }
        return tokenRequest(keycloak, form);
    }

    /** Any request to the realm's token endpoint (client credentials, authorization code, ...). */
    public static Grant tokenRequest(KeycloakServer keycloak, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Grant(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("token request to " + keycloak.realmUrl() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT (its payload, decoded without checking the signature). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT: " + jwt);
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("JWT payload is not JSON: " + jwt, e);
        }
    }

    /** The token's {@code amr} claim (authentication methods, e.g. ["pwd","otp"]); empty when absent. */
    public static List<String> amr(String jwt) {
        List<String> methods = new ArrayList<>();
        Optional.ofNullable(claims(jwt).get("amr")).ifPresent(amr -> amr.forEach(m -> methods.add(m.asText())));
        return methods;
    }

    private static Grant refusedUnlessOk(String username, Grant grant) {
        if (!grant.ok()) {
            throw new IllegalStateException("Keycloak refused a token for " + username + " (HTTP " + grant.status()
                    + "): " + grant.body());
        }
        return grant;
    }

    private static KeycloakServer shared() {
        return DevStack.shared().keycloak();
    }
}
