package io.cloudward.api;

import io.cloudward.alerts.DeliveryLog;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;
import java.util.UUID;

/** Deliveries that failed for good, newest first; a replay puts one back in the queue with fresh attempts. */
@Path("/api/v1/tenants/{tenantId}/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeadLettersResource {
    private final DeliveryLog log;

    public DeadLettersResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Page<DeliveryLog.DeadLetter> list(@PathParam("tenantId") UUID tenantId, @QueryParam("destinationId") UUID destinationId,
                                             @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                             @Context UriInfo uri) {
        ListParams.rejectUnknown(uri, "destinationId");
        return log.deadLetters(destinationId, cursor, ListParams.limit(limit));
    }

    @POST
    @Path("{deliveryId}/replay")
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("delivery.replayed")
    public Response replay(@PathParam("tenantId") UUID tenantId, @PathParam("deliveryId") UUID deliveryId) {
        log.replay(deliveryId);
        return Response.accepted(Map.of("id", deliveryId, "status", "PENDING")).build();
    }
}
