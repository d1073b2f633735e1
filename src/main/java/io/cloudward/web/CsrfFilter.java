package io.cloudward.web;

import io.cloudward.api.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Set;

/**
 * Refuses state-changing browser requests that another site could have triggered: the browser's
 * {@code Origin} header (or, failing that, {@code Referer}) must name this very site. Browsers set these
 * themselves and pages cannot forge them; together with SameSite session cookies this is OWASP's
 * recommended CSRF defence without tokens. The REST API under /api/ is exempt: it authenticates with
 * bearer tokens, which a browser never attaches on its own.
 */
public class CsrfFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SAFE.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return;
        }
        String own = origin(request.getUriInfo().getRequestUri());
        String origin = request.getHeaderString("Origin");
        String referer = request.getHeaderString("Referer");
        String claimed = origin != null && !origin.equals("null") ? origin : referer == null ? null : origin(URI.create(referer));
        if (claimed == null || !claimed.equalsIgnoreCase(own)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "csrf", "Form expired",
                    "This form did not come from a Cloudward page. Reload the page and try again.");
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
