package io.cloudward.api;

import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.Incident;
import io.cloudward.findings.IncidentPlaybook;
import io.cloudward.findings.IncidentView;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Incidents: correlated findings of one account that tell one story, with their timeline and what to do. */
@Path("/api/v1/tenants/{tenantId}/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    /** A resource the incident touched, as the findings of its timeline name it. */
    public record AffectedResource(String accountId, String region, String resourceType, String resourceId) {
    }

    public record IncidentDetail(IncidentView incident, List<AffectedResource> affectedResources,
                                 List<String> recommendedActions) {
    }

    private final FindingQuery query;

    public IncidentsResource(FindingQuery query) {
        this.query = query;
    }

    /** Latest activity first; {@code status=open|resolved} (default: all). */
    @GET
    @Requires(Permission.TENANT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("status") String status,
                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        ListParams.rejectUnknown(uri, "status");
        return ListParams.page(uri, query.incidents(status(status), cursor, ListParams.limit(limit)));
    }

    @GET
    @Path("{incidentId}")
    @Requires(Permission.TENANT_READ)
    public IncidentDetail get(@PathParam("tenantId") UUID tenantId, @PathParam("incidentId") UUID incidentId) {
        return detail(query.incident(incidentId).orElseThrow(() -> ProblemException.notFound("The incident")));
    }

    /** The incident with the resources its timeline touches and what to do (shared with the incident page). */
    public static IncidentDetail detail(IncidentView incident) {
        List<AffectedResource> affected = incident.timeline().stream()
                .map(f -> new AffectedResource(f.accountId(), f.region(), f.resourceType(), f.resourceId()))
                .distinct().toList();
        return new IncidentDetail(incident, affected, IncidentPlaybook.recommendedActions(incident));
    }

    private static Incident.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Incident.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "status must be open or resolved.");
        }
    }
}
