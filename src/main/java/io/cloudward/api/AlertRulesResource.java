package io.cloudward.api;

import io.cloudward.alerts.AlertRule;
import io.cloudward.alerts.AlertRules;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Alert rules, in the order they are evaluated; edits carry the ETag in If-Match. */
@Path("/api/v1/tenants/{tenantId}/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRulesResource {
    private final AlertRules rules;

    public AlertRulesResource(AlertRules rules) {
        this.rules = rules;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public List<AlertRules.View> list(@PathParam("tenantId") UUID tenantId) {
        return rules.ordered().stream().map(rules::view).toList();
    }

    @POST
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("alert-rule.created")
    public Response create(@PathParam("tenantId") UUID tenantId, @NotNull AlertRules.Draft draft) {
        AlertRule rule = rules.create(draft);
        return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/alert-rules/" + rule.id))
                .tag(ETags.of(rule.version)).entity(rules.view(rule)).build();
    }

    @GET
    @Path("{ruleId}")
    @Requires(Permission.TENANT_READ)
    public Response get(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId) {
        AlertRule rule = rules.require(ruleId);
        return Response.ok(rules.view(rule)).tag(ETags.of(rule.version)).build();
    }

    @PUT
    @Path("{ruleId}")
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("alert-rule.updated")
    public Response update(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId,
                           @HeaderParam("If-Match") String ifMatch, @NotNull AlertRules.Draft draft) {
        AlertRule rule = rules.require(ruleId);
        ETags.require(ifMatch, rule.version);
        rules.update(rule, draft);
        return Response.ok(rules.view(rule)).tag(ETags.of(rule.version)).build();
    }

    @DELETE
    @Path("{ruleId}")
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("alert-rule.deleted")
    public Response delete(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId,
                           @HeaderParam("If-Match") String ifMatch) {
        AlertRule rule = rules.require(ruleId);
        if (ifMatch != null) {
            ETags.require(ifMatch, rule.version);
        }
        rules.remove(rule);
        return Response.noContent().build();
    }

    /** "This rule would have matched N events in the last D days" (D from 1 to 30, default 7). */
    @GET
    @Path("{ruleId}/preview")
    @Requires(Permission.TENANT_READ)
    public AlertRules.Preview preview(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId,
                                      @QueryParam("days") Integer days) {
        int d = days == null ? 7 : days;
        if (d < 1 || d > 30) {
            throw ProblemException.invalid("days", "days must be 1 to 30.");
        }
        return rules.preview(rules.require(ruleId), d);
    }
}
