package io.cloudward.api;

import io.cloudward.tenancy.ApiToken;
import io.cloudward.tenancy.ApiTokens;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.cloudward.tenancy.Audited;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tenant API tokens: {@code Authorization: Bearer cw_…}. */
@Path("/api/v1/tenants/{tenantId}/api-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiTokensResource {

    public record TokenView(UUID id, String name, Role role, String prefix, String state, String createdBy,
                            Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.name, t.role, t.prefix, t.state(Instant.now()), t.createdBy, t.createdAt,
                    t.expiresAt, t.lastUsedAt, t.revokedAt);
        }
    }

    /** The secret is in this response only; Cloudward keeps nothing but its hash. */
    public record CreatedToken(TokenView token, String secret) {
    }

    public record NewToken(@NotBlank @Size(max = 100) String name, @NotNull Role role, Instant expiresAt) {
    }

    private final ApiTokens tokens;

    public ApiTokensResource(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Requires(Permission.API_TOKENS_MANAGE)
    public List<TokenView> list(@PathParam("tenantId") UUID tenantId) {
        return tokens.listAll().stream().map(TokenView::of).toList();
    }

    @POST
    @Requires(Permission.API_TOKENS_MANAGE)
    @Transactional
    @Audited("api-token.created")
    public Response create(@PathParam("tenantId") UUID tenantId, @Valid @NotNull NewToken request) {
        ApiTokens.Created created = tokens.create(request.name(), request.role(), request.expiresAt());
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/api-tokens/" + created.token().id))
                .entity(new CreatedToken(TokenView.of(created.token()), created.secret())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Requires(Permission.API_TOKENS_MANAGE)
    @Transactional
    @Audited("api-token.revoked")
    public TokenView revoke(@PathParam("tenantId") UUID tenantId, @PathParam("tokenId") UUID tokenId) {
        return TokenView.of(tokens.revoke(tokenId));
    }
}
