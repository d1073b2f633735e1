package io.cloudward.web;

import io.cloudward.onboarding.AwsOrganization;
import io.cloudward.onboarding.OrganizationOnboarding;
import io.cloudward.onboarding.OrganizationOnboarding.Member;
import io.cloudward.onboarding.OrganizationOnboarding.MemberResult;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
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
import java.util.Map;
import java.util.UUID;

/** An AWS organisation in the browser: connect through the management role, then its members in bulk. */
@Path("/t/{tenantId}/organizations")
@Produces(MediaType.TEXT_HTML)
public class OrganizationsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organization(AwsOrganization organization, List<Member> members,
                                                    List<MemberResult> results);
    }

    private final OrganizationOnboarding organizations;
    private final PageContext page;
    private final AuditLog audit;

    public OrganizationsPage(OrganizationOnboarding organizations, PageContext page, AuditLog audit) {
        this.organizations = organizations;
        this.page = page;
        this.audit = audit;
    }

    @POST
    @Path("connect/{intentId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("organization.connected")
    public Response connect(@PathParam("tenantId") UUID tenantId, @PathParam("intentId") UUID intentId,
                            @FormParam("roleArn") String roleArn, @FormParam("name") String name) {
        AwsOrganization org = organizations.connect(intentId, roleArn, name);
        return Response.seeOther(URI.create("/t/" + tenantId + "/organizations/" + org.id)).build();
    }

    @GET
    @Path("{organizationId}")
    @Requires(Permission.ACCOUNTS_MANAGE)
    public TemplateInstance organization(@PathParam("tenantId") UUID tenantId, @PathParam("organizationId") UUID id) {
        page.section("accounts");
        return Templates.organization(organizations.require(id), organizations.members(id), List.of());
    }

    /** Connects the ticked members; each is verified and committed on its own, and the outcome of each is shown. */
    @POST
    @Path("{organizationId}/connect-members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ACCOUNTS_MANAGE)
    @Transactional
    @Audited("organization.members-connected")
    public TemplateInstance connectMembers(@PathParam("tenantId") UUID tenantId, @PathParam("organizationId") UUID id,
                                           @FormParam("account") List<String> accountIds) {
        if (accountIds == null || accountIds.isEmpty()) {
            throw io.cloudward.api.ProblemException.invalid("account", "Tick the member accounts to connect.");
        }
        List<MemberResult> results = organizations.connectMembers(id, accountIds);
        audit.describe("aws-organization", id, Map.of("requested", results.size(),
                "connected", results.stream().filter(r -> r.id() != null).count()));
        page.section("accounts");
        return Templates.organization(organizations.require(id), organizations.members(id), results);
    }
}
