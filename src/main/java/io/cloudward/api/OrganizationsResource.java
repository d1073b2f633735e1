package io.cloudward.api;

import io.cloudward.onboarding.AwsOrganization;
import io.cloudward.onboarding.OrganizationOnboarding;
import io.cloudward.onboarding.OrganizationOnboarding.Member;
import io.cloudward.onboarding.OrganizationOnboarding.MemberResult;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;
import java.util.UUID;

/** AWS organisations: connect through the management account, list members, connect members in bulk. */
@Path("/api/v1/tenants/{tenantId}/organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    public record OrganizationView(UUID id, String organizationId, String managementAccount, String managementRoleArn,
                                   String memberRoleName, Instant createdAt) {
        static OrganizationView of(AwsOrganization o) {
            return new OrganizationView(o.id, o.organizationId, o.managementAccount, o.managementRoleArn,
                    o.memberRoleName, o.createdAt);
        }
    }

    public record NewOrganization(@NotNull UUID connectionId, @NotNull @Size(max = 2048) String managementRoleArn,
                                  @Size(max = 200) String name) {
    }

    /** Which members to connect; none listed means every active member not yet connected. */
    public record MemberSelection(@Size(max = 5000) List<@Pattern(regexp = "^[0-9]{12}$") String> accountIds) {
    }

    public record BulkResult(int requested, long connected, long failed, List<MemberResult> results) {
    }

    private final OrganizationOnboarding organizations;
    private final AuditLog audit;

    public OrganizationsResource(OrganizationOnboarding organizations, AuditLog audit) {
        this.organizations = organizations;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("organization.connected")
    public Response connect(@PathParam("tenantId") UUID tenantId, @Valid @NotNull NewOrganization request) {
        AwsOrganization org = organizations.connect(request.connectionId(), request.managementRoleArn(), request.name());
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/organizations/" + org.id))
                .entity(OrganizationView.of(org)).build();
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public List<OrganizationView> list(@PathParam("tenantId") UUID tenantId) {
        return organizations.list().stream().map(OrganizationView::of).toList();
    }

    @GET
    @Path("{organizationId}/members")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public List<Member> members(@PathParam("tenantId") UUID tenantId, @PathParam("organizationId") UUID id) {
        return organizations.members(id);
    }

    /** Connects members; each is committed on its own, so a repeat after an interruption resumes. */
    @POST
    @Path("{organizationId}/members/connection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("organization.members-connected")
    public BulkResult connectMembers(@PathParam("tenantId") UUID tenantId, @PathParam("organizationId") UUID id,
                                     @Valid MemberSelection selection) {
        List<MemberResult> results = organizations.connectMembers(id, selection == null ? null : selection.accountIds());
        long connected = results.stream().filter(r -> r.id() != null).count();
        long failed = results.stream().filter(r -> r.outcome().equals("FAILED") || r.outcome().equals("REJECTED")).count();
        audit.describe("aws-organization", id, Map.of("requested", results.size(), "connected", connected, "failed", failed));
        return new BulkResult(results.size(), connected, failed, results);
    }
}
