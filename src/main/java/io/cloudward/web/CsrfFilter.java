package io.cloudward.web;

import io.cloudward.api.ProblemException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Refuses state-changing browser requests that do not carry the CSRF token. The REST API under /api/
 * is exempt: it authenticates with bearer tokens, which a browser never attaches on its own.
 */
public class CsrfFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Csrf csrf;
    private final HttpServerResponse response;

    public CsrfFilter(Csrf csrf, HttpServerResponse response) {
        this.csrf = csrf;
        this.response = response;
    }

    @ServerRequestFilter(readBody = true)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return;
        }
        String expected = csrf.cookieValue();
        String sent = request.getHeaderString(Csrf.HEADER);
        if (sent == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            sent = FormField.read(request, Csrf.FIELD);
        }
        if (expected == null || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Response.Status.FORBIDDEN, "csrf", "Form expired",
                    "This form has expired or did not come from Cloudward. Reload the page and try again.");
        }
    }

    @ServerResponseFilter
    public void issue() {
        var cookie = csrf.newCookie();
        if (cookie != null && !response.headWritten()) {
            response.addCookie(cookie);
        }
    }
}
