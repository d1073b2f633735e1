package io.cloudward.api;

import io.cloudward.tenancy.Member;
import io.cloudward.tenancy.Members;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.cloudward.tenancy.Audited;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tenant's members and their roles. */
@Path("/api/v1/tenants/{tenantId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    public record MemberView(UUID id, String email, String name, Role role, Instant joinedAt) {
        static MemberView of(Member m) {
            return new MemberView(m.id, m.email, m.name, m.role, m.createdAt);
        }
    }

    public record RoleChange(@NotNull Role role) {
    }

    private final Members members;

    public MembersResource(Members members) {
        this.members = members;
    }

    @GET
    @Requires(Permission.MEMBERS_READ)
    public List<MemberView> list(@PathParam("tenantId") UUID tenantId) {
        return members.list().stream().map(MemberView::of).toList();
    }

    @GET
    @Path("{memberId}")
    @Requires(Permission.MEMBERS_READ)
    public MemberView get(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId) {
        return MemberView.of(members.get(memberId));
    }

    @PUT
    @Path("{memberId}/role")
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("member.role-changed")
    public MemberView changeRole(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId,
                                 @Valid @NotNull RoleChange change) {
        return MemberView.of(members.changeRole(memberId, change.role()));
    }

    @DELETE
    @Path("{memberId}")
    @Requires(Permission.MEMBERS_MANAGE)
    @Transactional
    @Audited("member.removed")
    public Response remove(@PathParam("tenantId") UUID tenantId, @PathParam("memberId") UUID memberId) {
        members.remove(memberId);
        return Response.noContent().build();
    }
}
