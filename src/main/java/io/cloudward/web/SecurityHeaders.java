package io.cloudward.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * Headers that keep pages from running anything but our own scripts: a Content-Security-Policy without
 * inline scripts or styles, no framing, no MIME sniffing, no referrer leaks to other sites.
 */
public class SecurityHeaders {
    private final String csp;

    public SecurityHeaders(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        URI realm = URI.create(realmUrl);
        String identity = realm.getScheme() + "://" + realm.getAuthority();
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + identity;
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        var headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", csp);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
