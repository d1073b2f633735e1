package io.cloudward.web;

import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The tenant's home: score and trend, the accounts worst first, what changed in 24 h, and what to fix first. */
@Path("/t/{tenantId}")
@Produces(MediaType.TEXT_HTML)
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(TenantOverview.Overview overview);
    }

    private final TenantOverview overview;
    private final PageContext page;

    public OverviewPage(TenantOverview overview, PageContext page) {
        this.overview = overview;
        this.page = page;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Response overview(@PathParam("tenantId") UUID tenantId) {
        page.section("overview");
        // Remembered so that "/" returns here next time.
        return Response.ok(Templates.overview(overview.build()))
                .cookie(new NewCookie.Builder(HomePage.LAST_TENANT_COOKIE).value(tenantId.toString())
                        .path("/").httpOnly(true).sameSite(NewCookie.SameSite.LAX).build())
                .build();
    }
}
