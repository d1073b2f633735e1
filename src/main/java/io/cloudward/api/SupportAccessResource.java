package io.cloudward.api;

import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.SupportGrant;
import io.cloudward.tenancy.SupportGrants;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Time-boxed, read-only support access for Cloudward's operators, granted by an OWNER. */
@Path("/api/v1/tenants/{tenantId}/support-access")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupportAccessResource {

    public record GrantView(UUID id, String grantedBy, String reason, Instant createdAt, Instant expiresAt,
                            Instant revokedAt, boolean active) {
        static GrantView of(SupportGrant g) {
            return new GrantView(g.id, g.grantedBy, g.reason, g.createdAt, g.expiresAt, g.revokedAt, g.activeAt(Instant.now()));
        }
    }

    public record NewGrant(@NotBlank @Size(max = 500) String reason, @NotNull @Min(1) @Max(168) Integer hours) {
    }

    private final SupportGrants grants;

    public SupportAccessResource(SupportGrants grants) {
        this.grants = grants;
    }

    @GET
    @Requires(Permission.MEMBERS_READ)
    public List<GrantView> list(@PathParam("tenantId") UUID tenantId) {
        return grants.listAll().stream().map(GrantView::of).toList();
    }

    @POST
    @Requires(Permission.SUPPORT_GRANT)
    @Transactional
    @Audited("support-access.granted")
    public Response grant(@PathParam("tenantId") UUID tenantId, @Valid @NotNull NewGrant request) {
        SupportGrant grant = grants.grant(request.reason(), Duration.ofHours(request.hours()));
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/support-access/" + grant.id))
                .entity(GrantView.of(grant)).build();
    }

    @DELETE
    @Path("{grantId}")
    @Requires(Permission.SUPPORT_GRANT)
    @Transactional
    @Audited("support-access.revoked")
    public GrantView revoke(@PathParam("tenantId") UUID tenantId, @PathParam("grantId") UUID grantId) {
        return GrantView.of(grants.revoke(grantId));
    }
}
