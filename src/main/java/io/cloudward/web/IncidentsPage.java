package io.cloudward.web;

import io.cloudward.api.IncidentsResource;
import io.cloudward.api.Page;
import io.cloudward.api.ProblemException;
import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.Incident;
import io.cloudward.findings.IncidentView;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Incidents: the list (open first by default) and each one's timeline, affected resources and recommended actions. */
@Path("/t/{tenantId}/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentsPage {
    static final int PAGE_SIZE = 50;

    /** @param status "open", "resolved" or "all" */
    public record Incidents(List<IncidentView> items, String status, String next) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incidents(Incidents incidents);

        static native TemplateInstance incident(IncidentsResource.IncidentDetail detail);
    }

    private final FindingQuery query;
    private final PageContext page;

    public IncidentsPage(FindingQuery query, PageContext page) {
        this.query = query;
        this.page = page;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId, @QueryParam("status") String status,
                                 @QueryParam("cursor") String cursor) {
        page.section("incidents");
        String shown = status == null || status.isBlank() ? "open" : status.strip().toLowerCase(Locale.ROOT);
        Incident.Status filter = switch (shown) {
            case "open" -> Incident.Status.OPEN;
            case "resolved" -> Incident.Status.RESOLVED;
            case "all" -> null;
            default -> throw ProblemException.invalid("status", "status must be open, resolved or all.");
        };
        Page<IncidentView> found = query.incidents(filter, cursor, PAGE_SIZE);
        String next = found.nextCursor() == null ? null : "/t/" + tenantId + "/incidents?status=" + shown + "&cursor="
                + URLEncoder.encode(found.nextCursor(), StandardCharsets.UTF_8);
        return Templates.incidents(new Incidents(found.items(), shown, next));
    }

    @GET
    @Path("{incidentId}")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance incident(@PathParam("tenantId") UUID tenantId, @PathParam("incidentId") UUID incidentId) {
        page.section("incidents");
        return Templates.incident(IncidentsResource.detail(
                query.incident(incidentId).orElseThrow(() -> ProblemException.notFound("The incident"))));
    }
}
