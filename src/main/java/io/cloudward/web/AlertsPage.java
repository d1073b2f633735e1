package io.cloudward.web;

import io.cloudward.alerts.AlertRules;
import io.cloudward.alerts.DeliveryLog;
import io.cloudward.api.Page;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Alerts in the browser: the rules in order (with a 7-day preview), the destinations (send test, delivery
 * log) and the dead letters (replay). Creating and editing rules and destinations is in the REST API.
 */
@Path("/t/{tenantId}/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(List<AlertRules.View> rules, List<Destinations.View> destinations,
                                              Page<DeliveryLog.DeadLetter> dead, DeliveryLog.TestResult tested,
                                              AlertRules.View previewed, AlertRules.Preview preview);

        static native TemplateInstance log(Destinations.View destination, Page<DeliveryLog.AttemptView> attempts);
    }

    private final AlertRules rules;
    private final Destinations destinations;
    private final DeliveryLog log;
    private final PageContext page;

    public AlertsPage(AlertRules rules, Destinations destinations, DeliveryLog log, PageContext page) {
        this.rules = rules;
        this.destinations = destinations;
        this.log = log;
        this.page = page;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId, @QueryParam("preview") UUID previewRule) {
        AlertRules.View previewed = null;
        AlertRules.Preview preview = null;
        if (previewRule != null) {
            var rule = rules.require(previewRule);
            previewed = rules.view(rule);
            preview = rules.preview(rule, 7);
        }
        return render(null, previewed, preview);
    }

    @POST
    @Path("destinations/{destinationId}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.INTEGRATIONS_MANAGE)
    @Transactional
    @Audited("destination.tested")
    public TemplateInstance test(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID destinationId) {
        return render(log.sendTest(destinations.require(destinationId)), null, null);
    }

    @GET
    @Path("destinations/{destinationId}/log")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance deliveries(@PathParam("tenantId") UUID tenantId, @PathParam("destinationId") UUID destinationId,
                                       @QueryParam("cursor") String cursor) {
        page.section("alerts");
        Destinations.View destination = destinations.view(destinations.require(destinationId));
        return Templates.log(destination, log.attempts(destinationId, cursor, 100));
    }

    @POST
    @Path("dead-letters/{deliveryId}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("delivery.replayed")
    public Response replay(@PathParam("tenantId") UUID tenantId, @PathParam("deliveryId") UUID deliveryId) {
        log.replay(deliveryId);
        return Response.seeOther(URI.create("/t/" + tenantId + "/alerts")).build();
    }

    private TemplateInstance render(DeliveryLog.TestResult tested, AlertRules.View previewed, AlertRules.Preview preview) {
        page.section("alerts");
        return Templates.alerts(rules.ordered().stream().map(rules::view).toList(), destinations.views(),
                log.deadLetters(null, null, 50), tested, previewed, preview);
    }
}
