package io.cloudward.api;

import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantDirectory;
import io.cloudward.tenancy.Tenants;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenants the caller belongs to, and creating a new one. */
@Path("/api/v1/tenants")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantsResource {

    public record TenantView(UUID id, String slug, String name, String role) {
    }

    public record NewTenant(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "use 2-63 lower-case letters, digits and dashes") String slug,
            @NotBlank @Size(max = 200) String name) {
    }

    private final TenantDirectory directory;
    private final Tenants tenants;
    private final SecurityIdentity identity;

    public TenantsResource(TenantDirectory directory, Tenants tenants, SecurityIdentity identity) {
        this.directory = directory;
        this.tenants = tenants;
        this.identity = identity;
    }

    @GET
    public List<TenantView> mine() {
        return directory.membershipsOf(Caller.subject(identity)).stream()
                .map(m -> new TenantView(m.tenantId(), m.slug(), m.tenantName(), m.role().name())).toList();
    }

    @POST
    public Response create(@Valid NewTenant request) {
        JsonWebToken jwt = Caller.jwt(identity).orElseThrow(() ->
                ProblemException.forbidden("Only a signed-in person can create a tenant, not an API token."));
        Tenant tenant = tenants.create(request.slug(), request.name().strip(), Caller.person(jwt));
        return Response.created(URI.create("/api/v1/tenants/" + tenant.id))
                .entity(new TenantView(tenant.id, tenant.slug, tenant.name, "OWNER")).build();
    }
}
