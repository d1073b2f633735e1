package io.cloudward.web;

import io.cloudward.api.Caller;
import io.cloudward.api.ProblemException;
import io.cloudward.tenancy.Invitations;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantDirectory;
import io.cloudward.tenancy.Tenants;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Where a signed-in person lands: their tenant, or the page to create their first one. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {
    static final String LAST_TENANT_COOKIE = "cw_tenant";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance welcome(String name, String error);

        static native TemplateInstance profile(List<TenantDirectory.Membership> memberships);

        static native TemplateInstance invitation(String secret, String email);

        static native TemplateInstance signedOut();
    }

    private final SecurityIdentity identity;
    private final TenantDirectory directory;
    private final Tenants tenants;
    private final Invitations invitations;
    private final PageContext page;

    public HomePage(SecurityIdentity identity, TenantDirectory directory, Tenants tenants, Invitations invitations,
                    PageContext page) {
        this.identity = identity;
        this.directory = directory;
        this.tenants = tenants;
        this.invitations = invitations;
        this.page = page;
    }

    @GET
    public Response home(@jakarta.ws.rs.CookieParam(LAST_TENANT_COOKIE) String lastTenant) {
        List<TenantDirectory.Membership> mine = directory.membershipsOf(Caller.subject(identity));
        if (mine.isEmpty()) {
            return Response.seeOther(URI.create("/welcome")).build();
        }
        UUID target = mine.stream().map(TenantDirectory.Membership::tenantId)
                .filter(id -> id.toString().equals(lastTenant)).findFirst().orElse(mine.getFirst().tenantId());
        return Response.seeOther(URI.create("/t/" + target)).build();
    }

    @GET
    @Path("switch")
    public Response switchTenant(@QueryParam("tenant") String tenant) {
        // The tenant page itself checks membership; an unknown id simply ends in 404 there.
        UUID id;
        try {
            id = UUID.fromString(tenant == null ? "" : tenant);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("The tenant");
        }
        return Response.seeOther(URI.create("/t/" + id)).build();
    }

    @GET
    @Path("welcome")
    public TemplateInstance welcome() {
        return Templates.welcome(page.userName(), null);
    }

    @POST
    @Path("welcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTenant(@FormParam("name") String name, @FormParam("slug") String slug) {
        JsonWebToken jwt = Caller.jwt(identity).orElseThrow(() -> ProblemException.forbidden("Sign in to create a tenant."));
        if (name == null || name.isBlank() || name.length() > 200 || slug == null
                || !slug.matches("^[a-z0-9][a-z0-9-]{1,62}$")) {
            return Response.status(400).entity(Templates.welcome(page.userName(),
                    "Give the organisation a name, and a short name of 2–63 lower-case letters, digits and dashes.")).build();
        }
        Tenant tenant = tenants.create(slug, name.strip(), Caller.person(jwt));
        return Response.seeOther(URI.create("/t/" + tenant.id)).build();
    }

    @GET
    @Path("profile")
    public TemplateInstance profile() {
        return Templates.profile(directory.membershipsOf(Caller.subject(identity)));
    }

    @GET
    @Path("invitations/{secret}")
    public TemplateInstance invitation(@PathParam("secret") String secret) {
        return Templates.invitation(secret, page.userEmail());
    }

    @POST
    @Path("invitations/{secret}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acceptInvitation(@PathParam("secret") String secret) {
        JsonWebToken jwt = Caller.jwt(identity).orElseThrow(() -> ProblemException.forbidden("Sign in to accept."));
        UUID tenantId = invitations.accept(secret, Caller.person(jwt), jwt.<Boolean>claim("email_verified").orElse(false));
        return Response.seeOther(URI.create("/t/" + tenantId)).build();
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
