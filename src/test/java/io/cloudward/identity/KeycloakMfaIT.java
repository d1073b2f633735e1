package io.cloudward.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.devstack.Browser;
import io.cloudward.devstack.DemoUsers;
import io.cloudward.devstack.KeycloakServer;
import io.cloudward.devstack.Tokens;
import io.cloudward.devstack.Totp;
import io.cloudward.tenancy.Mfa;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.cloudward.devstack.DemoUsers.ALICE;
import static io.cloudward.devstack.DemoUsers.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The realm file in the repository, imported into a real Keycloak: people with realm role
 * {@code mfa-required} must give a one-time code (or set one up), others sign in with their password, and
 * the tokens say in {@code amr} which steps ran, as {@link Mfa} expects.
 */
class KeycloakMfaIT {
    private static final Path DATA = Path.of("target/keycloak-it");
    private static final Path SCREENSHOTS = DATA.resolve("screenshots");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KeycloakServer keycloak;
    /** Where cloudward-web may redirect to; nothing listens there, the browser stops at the redirect. */
    private static String appUrl;

    @BeforeAll
    static void startKeycloak() throws IOException {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            appUrl = "http://localhost:" + unused.getLocalPort();
        }
        keycloak = KeycloakServer.startForTests(DATA, appUrl);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aliceNeedsHerOneTimeCodeAndHerTokensSaySo() throws InterruptedException {
        assertRefused(Tokens.passwordGrant(keycloak, ALICE, DemoUsers.password(ALICE), null),
                "alice without a one-time code");

        pauseBetweenFailedSignIns();
        String stale = Totp.code(DemoUsers.ALICE_OTP_SECRET, Instant.now().minusSeconds(600));
        assertRefused(Tokens.passwordGrant(keycloak, ALICE, DemoUsers.password(ALICE), stale),
                "alice with a code from ten minutes ago");

        String code = Totp.unusedCode(DemoUsers.ALICE_OTP_SECRET);
        Tokens.Grant grant = Tokens.passwordGrant(keycloak, ALICE, DemoUsers.password(ALICE), code);
        assertTrue(grant.ok(), "alice with her current code should get tokens, Keycloak said: " + grant.body());
        assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(grant.accessToken())), "amr of alice's access token");
        assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(grant.idToken())), "amr of alice's ID token");
        assertTrue(Mfa.satisfiedBy(principal(grant.accessToken())), "Cloudward's MFA check on alice's access token");

        pauseBetweenFailedSignIns();
        assertRefused(Tokens.passwordGrant(keycloak, ALICE, DemoUsers.password(ALICE), code),
                "alice replaying the code she just used");
    }

    @Test
    void bobSignsInWithHisPasswordAlone() {
        String token = Tokens.accessTokenWithoutMfa(keycloak, BOB);
        assertEquals(List.of("pwd"), Tokens.amr(token), "amr of bob's access token");
        assertFalse(Mfa.satisfiedBy(principal(token)), "Cloudward's MFA check on bob's password-only token");
        assertEquals(List.of("pwd"), Tokens.amr(Tokens.accessToken(keycloak, BOB)), "Tokens.accessToken for bob");
    }

    @Test
    void theTokensHelperSendsAFreshCodeForAlice() {
        String first = Tokens.accessToken(keycloak, ALICE);
        String second = Tokens.accessToken(keycloak, ALICE);
        assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(first)), "amr of Tokens.accessToken(alice)");
        assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(second)), "a second token needs the next code");
    }

    @Test
    void theMfaRequiredRoleStopsPasswordOnlySignInUntilItIsRemoved() throws Exception {
        Admin admin = new Admin();
        String bob = DemoUsers.id(BOB);
        admin.grantMfaRequired(bob);
        try {
            Tokens.Grant refused = Tokens.passwordGrant(keycloak, BOB, DemoUsers.password(BOB), null);
            assertRefused(refused, "bob with mfa-required and no authenticator");
            assertEquals("Account is not fully set up", refused.errorDescription(), "why bob is refused");
        } finally {
            admin.revokeMfaRequired(bob);
        }
        assertEquals(List.of("pwd"), Tokens.amr(Tokens.accessTokenWithoutMfa(keycloak, BOB)),
                "bob signs in with his password again once mfa-required is gone");
    }

    @Test
    void aliceSignsInOnTheLoginPageWithHerCode() throws Exception {
        Pkce pkce = Pkce.create();
        String redirect = appUrl + "/signed-in";
        try (Browser browser = Browser.start()) {
            browser.open(authorizationUrl(redirect, pkce));
            browser.screenshot(SCREENSHOTS.resolve("alice-1-login.png"));
            browser.signIn(ALICE);
            browser.awaitUrl(url -> url.startsWith(redirect), "the redirect back to " + redirect);
            String code = queryParameter(browser.currentUrl(), "code");
            assertEquals(pkce.state(), queryParameter(browser.currentUrl(), "state"), "state after the redirect");

            Tokens.Grant grant = exchange(code, redirect, pkce);
            assertTrue(grant.ok(), "code exchange for cloudward-web, Keycloak said: " + grant.body());
            assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(grant.accessToken())), "amr after browser sign-in");
            assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(grant.idToken())), "amr of the ID token");
        }
    }

    @Test
    void anAdminWithoutAnAuthenticatorSetsOneUpAtBrowserSignInAndKeepsUsingIt() throws Exception {
        Admin admin = new Admin();
        String username = "dana-new-admin";
        String password = "dana-password-" + System.nanoTime();
        String id = admin.createUser(username, password);
        admin.grantMfaRequired(id);
        Pkce pkce = Pkce.create();
        String redirect = appUrl + "/signed-in";
        try (Browser browser = Browser.start()) {
            browser.open(authorizationUrl(redirect, pkce)).signIn(username, password);
            assertFalse(browser.driver().findElements(By.id("kc-totp-settings-form")).isEmpty(),
                    "Keycloak should ask " + username + " to set up an authenticator, page: " + browser.currentUrl());
            browser.driver().findElement(By.id("mode-manual")).click();
            String secret = browser.driver().findElement(By.id("kc-totp-secret-key")).getText();
            browser.screenshot(SCREENSHOTS.resolve("dana-configure-totp.png"));
            browser.driver().findElement(By.id("totp")).sendKeys(Totp.unusedCode(secret));
            browser.driver().findElement(By.id("userLabel")).sendKeys("test authenticator");
            browser.submit("setting up the authenticator of " + username);
            browser.awaitUrl(url -> url.startsWith(redirect), "the redirect back to " + redirect);

            Tokens.Grant grant = exchange(queryParameter(browser.currentUrl(), "code"), redirect, pkce);
            assertTrue(grant.ok(), "code exchange for cloudward-web, Keycloak said: " + grant.body());
            // Keycloak records the setup as a required action, not as a completed OTP step: this first session
            // is a password session to Cloudward, which asks for a fresh sign-in before sensitive actions.
            assertEquals(List.of("pwd"), Tokens.amr(grant.accessToken()), "amr of the session that set up OTP");

            assertRefused(Tokens.passwordGrant(keycloak, username, password, null),
                    username + " without a code once the authenticator is set up");
            Tokens.Grant withCode = Tokens.passwordGrant(keycloak, username, password, Totp.unusedCode(secret));
            assertTrue(withCode.ok(), username + " with a code from the new authenticator: " + withCode.body());
            assertEquals(Set.of("pwd", "otp"), Set.copyOf(Tokens.amr(withCode.accessToken())), "amr with the new code");
        }

        admin.revokeMfaRequired(id);
        pauseBetweenFailedSignIns();
        assertRefused(Tokens.passwordGrant(keycloak, username, password, null),
                username + " without mfa-required: whoever has an authenticator must still use it");
    }

    /** Two failed sign-ins within a second lock the user for a minute (the realm's brute-force protection). */
    private static void pauseBetweenFailedSignIns() throws InterruptedException {
        Thread.sleep(1500);
    }

    private static void assertRefused(Tokens.Grant grant, String who) {
        assertFalse(grant.ok(), who + " should be refused, but Keycloak issued tokens");
        assertEquals("invalid_grant", grant.error(), who + ": Keycloak's answer " + grant.body());
    }

    private static String authorizationUrl(String redirect, Pkce pkce) {
        return keycloak.realmUrl() + "/protocol/openid-connect/auth?" + form(Map.of(
                "response_type", "code", "client_id", "cloudward-web", "redirect_uri", redirect, "scope", "openid",
                "state", pkce.state(), "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }

    private static Tokens.Grant exchange(String code, String redirect, Pkce pkce) {
        return Tokens.tokenRequest(keycloak, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "client_id", "cloudward-web", "client_secret", "cloudward-web-dev-secret",
                "code_verifier", pkce.verifier()));
    }

    /** The claims as Cloudward sees them: the principal smallrye-jwt makes of a verified token. */
    private static DefaultJWTCallerPrincipal principal(String jwt) {
        try {
            return new DefaultJWTCallerPrincipal(JwtClaims.parse(Tokens.claims(jwt).toString()));
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String queryParameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query == null ? new String[0] : query.split("&"))
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + url));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Proof key for the code flow (RFC 7636, S256), plus a state value. */
    private record Pkce(String verifier, String challenge, String state) {
        static Pkce create() throws NoSuchAlgorithmException {
            String verifier = random(32);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash), random(16));
        }

        private static String random(int bytes) {
            byte[] value = new byte[bytes];
            new SecureRandom().nextBytes(value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        }
    }

    /** Keycloak's admin API as Cloudward calls it: the cloudward-admin service account. */
    private static final class Admin {
        private final String token = Tokens.tokenRequest(keycloak, Map.of("grant_type", "client_credentials",
                "client_id", "cloudward-admin", "client_secret", "cloudward-admin-dev-secret")).accessToken();
        private final String base = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;

        String createUser(String username, String password) throws Exception {
            String user = JSON.writeValueAsString(Map.of("username", username, "enabled", true,
                    "email", username + "@example.test", "emailVerified", true, "firstName", "Dana",
                    "lastName", "Admin", "credentials",
                    List.of(Map.of("type", "password", "value", password, "temporary", false))));
            HttpResponse<String> created = send("POST", "/users", user, 201);
            return created.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .orElseThrow(() -> new AssertionError("no Location for the new user " + username));
        }

        void grantMfaRequired(String userId) throws Exception {
            send("POST", "/users/" + userId + "/role-mappings/realm", "[" + mfaRequiredRole() + "]", 204);
        }

        void revokeMfaRequired(String userId) throws Exception {
            send("DELETE", "/users/" + userId + "/role-mappings/realm", "[" + mfaRequiredRole() + "]", 204);
        }

        private String mfaRequiredRole() throws Exception {
            JsonNode role = JSON.readTree(send("GET", "/roles/mfa-required", null, 200).body());
            return JSON.writeValueAsString(Map.of("id", role.get("id").asText(), "name", role.get("name").asText()));
        }

        private HttpResponse<String> send(String method, String path, String body, int expected) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
            return response;
        }
    }
}
