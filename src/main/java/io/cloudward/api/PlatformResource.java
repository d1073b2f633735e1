package io.cloudward.api;

import io.cloudward.tenancy.TenantDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** For Cloudward's platform operators: the tenants that exist, never their content. */
@Path("/api/v1/platform")
@RolesAllowed("operator")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {
    private final TenantDirectory directory;

    public PlatformResource(TenantDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("tenants")
    public List<TenantDirectory.TenantSummary> tenants() {
        return directory.allTenants();
    }
}
