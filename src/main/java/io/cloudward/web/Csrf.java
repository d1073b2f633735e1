package io.cloudward.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The browser's CSRF token (double submit): a random value in a SameSite=Strict cookie that every form
 * and htmx request must echo back in {@code _csrf} or {@code X-CSRF-Token}. Pages read it as
 * {@code {inject:csrf.token}}.
 */
@Named("csrf")
@RequestScoped
public class Csrf {
    static final String COOKIE = "cw_csrf";
    static final String HEADER = "X-CSRF-Token";
    static final String FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServerRequest request;
    private String token;
    private boolean issued;

    public Csrf(HttpServerRequest request) {
        this.request = request;
    }

    public String token() {
        if (token == null) {
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null && cookie.getValue().length() == 64) {
                token = cookie.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
                issued = true;
            }
        }
        return token;
    }

    String cookieValue() {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /** The cookie to send when this request minted a new token. */
    Cookie newCookie() {
        if (!issued) {
            return null;
        }
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(request.isSSL());
    }
}
