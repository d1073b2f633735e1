package io.cloudward.api;

import io.cloudward.alerts.DeliveryLog;
import io.cloudward.integrations.Destination;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Alert destinations: secrets are write-only (shown masked), every change carries the ETag in If-Match. */
@Path("/api/v1/tenants/{tenantId}/destinations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DestinationsResource {
    private final Destinations destinations;
    private final DeliveryLog log;

    public DestinationsResource(Destinations destinations, DeliveryLog log) {
        this.destinations = destinations;
        this.log = log;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public List<Destinations.View> list(@PathParam("tenantId") UUID tenantId) {
        return destinations.views();
    }

    /** A webhook created without a signing secret gets one, returned here only. */
    @POST
    @Requires(Permission.INTEGRATIONS_MANAGE)
    @Transactional
    @Audited("destination.created")
    public Response create(@PathParam("tenantId") UUID tenantId, @NotNull Destinations.Draft draft) {
        Destinations.Created created = destinations.create(draft);
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/destinations/" + created.destination().id()))
                .tag(ETags.of(created.destination().version())).entity(created).build();
    }

    @GET
    @Path("{destinationId}")
    @Requires(Permission.TENANT_READ)
    public Response get(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID id) {
        Destination d = destinations.require(id);
        return Response.ok(destinations.view(d)).tag(ETags.of(d.version)).build();
    }

    /** Settings sent replace the stored ones; a secret left out or sent masked keeps its value. */
    @PUT
    @Path("{destinationId}")
    @Requires(Permission.INTEGRATIONS_MANAGE)
    @Transactional
    @Audited("destination.updated")
    public Response update(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID id,
                           @HeaderParam("If-Match") String ifMatch, @NotNull Destinations.Draft draft) {
        Destination d = destinations.require(id);
        ETags.require(ifMatch, d.version);
        destinations.update(d, draft);
        return Response.ok(destinations.view(d)).tag(ETags.of(d.version)).build();
    }

    @DELETE
    @Path("{destinationId}")
    @Requires(Permission.INTEGRATIONS_MANAGE)
    @Transactional
    @Audited("destination.deleted")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID id,
                           @HeaderParam("If-Match") String ifMatch) {
        Destination d = destinations.require(id);
        if (ifMatch != null) {
            ETags.require(ifMatch, d.version);
        }
        destinations.remove(d);
        return Response.noContent().build();
    }

    /** Sends a test message now and answers with the outcome (also in the delivery log). */
    @POST
    @Path("{destinationId}/test")
    @Requires(Permission.INTEGRATIONS_MANAGE)
    @Transactional
    @Audited("destination.tested")
    public DeliveryLog.TestResult test(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID id) {
        return log.sendTest(destinations.require(id));
    }

    /** Every attempt to this destination, newest first. */
    @GET
    @Path("{destinationId}/deliveries")
    @Requires(Permission.TENANT_READ)
    public Page<DeliveryLog.AttemptView> deliveries(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID id,
                                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                                    @Context UriInfo uri) {
        ListParams.rejectUnknown(uri);
        destinations.require(id);
        return log.attempts(id, cursor, ListParams.limit(limit));
    }
}
