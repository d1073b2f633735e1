package io.cloudward.api;

import io.cloudward.tenancy.ApiTokenIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * Applies the per-token / per-person budget to the REST API and reports it in the IETF
 * {@code RateLimit-*} headers; over budget answers 429 with {@code Retry-After}.
 */
public class RateLimitFilter {
    private static final String DECISION = RateLimitFilter.class.getName();

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    public RateLimitFilter(RateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/") || identity.isAnonymous()) {
            return;
        }
        String caller = ApiTokenIdentity.of(identity).map(t -> "token:" + t.tokenId())
                .orElse("user:" + identity.getPrincipal().getName());
        RateLimiter.Decision decision = limiter.take(caller);
        request.setProperty(DECISION, decision);
        if (!decision.allowed()) {
            throw new ProblemException(Response.Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "This caller made more than " + decision.limit() + " requests in a minute. Retry after "
                            + decision.resetSeconds() + " s.", java.util.List.of(),
                    Map.of("Retry-After", Long.toString(decision.resetSeconds())));
        }
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            response.getHeaders().putSingle("RateLimit-Limit", decision.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", decision.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", decision.resetSeconds());
        }
    }
}
