package io.cloudward.web;

import io.cloudward.tenancy.ApiToken;
import io.cloudward.tenancy.ApiTokens;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.cloudward.tenancy.Audited;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** API tokens: create (the secret is shown once), list, revoke. */
@Path("/t/{tenantId}/api-tokens")
@Produces(MediaType.TEXT_HTML)
public class ApiTokensPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(List<ApiToken> tokens, List<Role> roles, ApiTokens.Created created, Instant now);
    }

    private final ApiTokens tokens;
    private final PageContext page;

    public ApiTokensPage(ApiTokens tokens, PageContext page) {
        this.tokens = tokens;
        this.page = page;
    }

    @GET
    @Requires(Permission.API_TOKENS_MANAGE)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId) {
        return render(null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.API_TOKENS_MANAGE)
    @Transactional
    @Audited("api-token.created")
    public TemplateInstance create(@PathParam("tenantId") UUID tenantId, @FormParam("name") String name,
                                   @FormParam("role") Role role, @FormParam("expires") String expires) {
        Instant expiresAt = expires == null || expires.isBlank() ? null
                : LocalDate.parse(expires).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (name == null || name.isBlank()) {
            throw io.cloudward.api.ProblemException.invalid("name", "Give the token a name that says what uses it.");
        }
        return render(tokens.create(name, role == null ? Role.VIEWER : role, expiresAt));
    }

    @POST
    @Path("{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.API_TOKENS_MANAGE)
    @Transactional
    @Audited("api-token.revoked")
    public Response revoke(@PathParam("tenantId") UUID tenantId, @PathParam("tokenId") UUID tokenId) {
        tokens.revoke(tokenId);
        return Response.seeOther(URI.create("/t/" + tenantId + "/api-tokens")).build();
    }

    private TemplateInstance render(ApiTokens.Created created) {
        page.section("api-tokens");
        return Templates.tokens(tokens.listAll(), List.of(Role.values()), created, Instant.now());
    }

}
