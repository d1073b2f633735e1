package io.cloudward.tenancy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;

/**
 * Authenticates {@code Authorization: Bearer cw_…} tenant API tokens. It runs before the OIDC bearer
 * mechanism and steps aside for anything that is not a Cloudward token, so Keycloak tokens still work.
 */
@ApplicationScoped
public class ApiTokenAuthentication implements HttpAuthenticationMechanism {
    static final String PREFIX = "cw_";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader("Authorization");
        // Tokens are for the REST API only; pages need a person's browser session.
        if (!context.normalizedPath().startsWith("/api/") || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !header.substring(BEARER.length()).trim().startsWith(PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new Request(header.substring(BEARER.length()).trim()));
    }

    /** No challenge of its own: the OIDC mechanisms answer (401 Bearer for the API, the sign-in redirect for pages). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 500;
    }

    public static final class Request extends BaseAuthenticationRequest {
        final String token;

        Request(String token) {
            this.token = token;
        }
    }

    /** Looks the token up by its hash on a worker thread. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {
        private final TenantDirectory directory;

        public Provider(TenantDirectory directory) {
            this.directory = directory;
        }

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                var grant = directory.tokenByHash(ApiTokens.hash(request.token))
                        .filter(g -> g.usableAt(Instant.now()))
                        .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked API token"));
                directory.touchToken(grant.tokenId());
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("token:" + grant.tokenId()))
                        .addAttribute(ApiTokenIdentity.ATTRIBUTE,
                                new ApiTokenIdentity(grant.tokenId(), grant.tenantId(), grant.name(), grant.role()))
                        .build();
            });
        }
    }
}
