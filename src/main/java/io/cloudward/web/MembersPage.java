package io.cloudward.web;

import io.cloudward.tenancy.Invitation;
import io.cloudward.tenancy.Invitations;
import io.cloudward.tenancy.Member;
import io.cloudward.tenancy.Members;
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
import java.util.List;
import java.util.UUID;

/** Members and invitations of the tenant: list, invite, change role, remove. */
@Path("/t/{tenantId}/members")
@Produces(MediaType.TEXT_HTML)
public class MembersPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(List<Member> members, List<Invitation> invitations, List<Role> roles,
                                               Invitations.Sent sent, java.time.Instant now);
    }

    private final Members members;
    private final Invitations invitations;
    private final PageContext page;

    public MembersPage(Members members, Invitations invitations, PageContext page) {
        this.members = members;
        this.invitations = invitations;
        this.page = page;
    }

    @GET
    @Requires(Permission.MEMBERS_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId) {
        return render(null);
    }

    @POST
    @Path("invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("invitation.created")
    public TemplateInstance invite(@PathParam("tenantId") UUID tenantId, @FormParam("email") String email,
                                   @FormParam("role") Role role) {
        return render(invitations.invite(email, role == null ? Role.VIEWER : role));
    }

    @POST
    @Path("{memberId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("member.role-changed")
    public Response changeRole(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId,
                               @FormParam("role") Role role) {
        members.changeRole(memberId, role == null ? Role.VIEWER : role);
        return back(tenantId);
    }

    @POST
    @Path("{memberId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("member.removed")
    public Response remove(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId) {
        members.remove(memberId);
        return back(tenantId);
    }

    @POST
    @Path("invitations/{invitationId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("invitation.revoked")
    public Response revokeInvitation(@PathParam("tenantId") UUID tenantId, @PathParam("invitationId") UUID invitationId) {
        invitations.revoke(invitationId);
        return back(tenantId);
    }

    private TemplateInstance render(Invitations.Sent sent) {
        page.section("members");
        return Templates.members(members.list(), invitations.listAll(), List.of(Role.values()), sent, java.time.Instant.now());
    }

    private static Response back(UUID tenantId) {
        return Response.seeOther(URI.create("/t/" + tenantId + "/members")).build();
    }
}
