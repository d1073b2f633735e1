package io.cloudward.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.devstack.DevStack;
import io.cloudward.devstack.KeycloakServer;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser session without a browser: the authorization-code flow through Keycloak's real login form
 * with an HTTP client that keeps cookies, then pages fetched and forms posted as the browser would (with its
 * Origin header, which the CSRF filter checks). Lets page tests run on any port: the port is added to the web
 * client's redirect URIs in the test's own Keycloak.
 */
final class WebSession {
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern TOTP_FORM = Pattern.compile("<form action=\"([^\"]+)\"[^>]*id=\"kc-totp-settings-form\"");
    private static final Pattern TOTP_SECRET = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean redirectAllowed;

    record Page(int status, String body, URI uri) {
    }

    private final HttpClient http;
    private final String app;

    private WebSession(String app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(new PlainHttpCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Signs in through Keycloak's login form; the person must not need a one-time code. */
    static WebSession signIn(int port, String username, String password) {
        String app = "http://localhost:" + port;
        allowRedirectsTo(app);
        WebSession session = new WebSession(app);
        Page login = session.get("/profile");
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri() + ": " + login.body());
        }
        Page after = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))).build());
        Matcher totp = TOTP_FORM.matcher(after.body());
        Matcher secret = TOTP_SECRET.matcher(after.body());
        if (totp.find() && secret.find()) {
            // An owner must set up a second factor at first sign-in: do it as the authenticator app would.
            after = session.send(HttpRequest.newBuilder(URI.create(totp.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("totp", TotpSetup.code(secret.group(1)),
                            "totpSecret", secret.group(1), "userLabel", "test")))).build());
        }
        if (!after.uri().toString().startsWith(app)) {
            throw new IllegalStateException("sign-in of " + username + " ended at " + after.uri() + ": " + after.body());
        }
        return session;
    }

    /**
     * Keycloak marks its login cookies Secure; browsers keep Secure cookies for http://localhost, Java's cookie
     * manager does not send them over http. Everything here is loopback, so the flag is dropped on arrival.
     */
    private static final class PlainHttpCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> plain = new java.util.HashMap<>();
            responseHeaders.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            cookies.put(uri, plain);
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").GET().build());
    }

    /** A form post from one of the app's pages. */
    Page post(String path, Map<String, ?> fields) {
        return send(HttpRequest.newBuilder(URI.create(app + path)).header("Accept", "text/html").header("Origin", app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.uri());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Repeated values for lists: {@code id=a&id=b}. */
    private static String form(Map<String, ?> fields) {
        return fields.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> list ? list : List.of(e.getValue())).stream()
                        .map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Adds the app's origin to the cloudward-web client's redirect URIs (once per JVM), as Keycloak's admin. */
    private static synchronized void allowRedirectsTo(String app) {
        if (redirectAllowed) {
            return;
        }
        KeycloakServer keycloak = DevStack.shared().keycloak();
        HttpClient client = HttpClient.newHttpClient();
        try {
            String admin = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                            "username", KeycloakServer.ADMIN_USER, "password", KeycloakServer.ADMIN_PASSWORD)))).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
            String clients = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
            ObjectNode web = (ObjectNode) JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + DevStack.WEB_CLIENT))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body()).get(0);
            ((ArrayNode) web.withArray("redirectUris")).add(app + "/*");
            ((ArrayNode) web.withArray("webOrigins")).add(app);
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(clients + "/" + web.get("id").asText()))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(web))).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak refused the redirect URI: " + put.statusCode() + " " + put.body());
            }
            redirectAllowed = true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
