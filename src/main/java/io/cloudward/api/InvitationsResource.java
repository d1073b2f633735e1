package io.cloudward.api;

import io.cloudward.tenancy.Invitation;
import io.cloudward.tenancy.Invitations;
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

/** Invitations to join the tenant. */
@Path("/api/v1/tenants/{tenantId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    public record InvitationView(UUID id, String email, Role role, String state, String invitedBy, Instant createdAt,
                                 Instant expiresAt) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.id, i.email, i.role, i.state(Instant.now()), i.createdBy, i.createdAt, i.expiresAt);
        }
    }

    /** The link (and a temporary password when Cloudward created the account) are shown only now. */
    public record SentInvitation(InvitationView invitation, String link, String temporaryPassword) {
    }

    public record NewInvitation(@NotBlank @Size(max = 254) String email, @NotNull Role role) {
    }

    private final Invitations invitations;

    public InvitationsResource(Invitations invitations) {
        this.invitations = invitations;
    }

    @GET
    @Requires(Permission.MEMBERS_READ)
    public List<InvitationView> list(@PathParam("tenantId") UUID tenantId) {
        return invitations.listAll().stream().map(InvitationView::of).toList();
    }

    @POST
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("invitation.created")
    public Response invite(@PathParam("tenantId") UUID tenantId, @Valid @NotNull NewInvitation request) {
        Invitations.Sent sent = invitations.invite(request.email(), request.role());
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/invitations/" + sent.invitation().id))
                .entity(new SentInvitation(InvitationView.of(sent.invitation()), sent.link(), sent.temporaryPassword()))
                .build();
    }

    @DELETE
    @Path("{invitationId}")
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("invitation.revoked")
    public InvitationView revoke(@PathParam("tenantId") UUID tenantId, @PathParam("invitationId") UUID invitationId) {
        return InvitationView.of(invitations.revoke(invitationId));
    }
}
