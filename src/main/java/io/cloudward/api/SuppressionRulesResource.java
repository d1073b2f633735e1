package io.cloudward.api;

import io.cloudward.findings.FindingActions;
import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.Suppression;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * Suppression rules: findings they match stay visible but leave score and alerts until the rule expires or is
 * revoked. Changes need the rule's {@code ETag} in {@code If-Match} (no lost updates); creation honours
 * {@code Idempotency-Key}.
 */
@Path("/api/v1/tenants/{tenantId}/suppression-rules")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionRulesResource {

    public record RuleView(UUID id, String checkId, String resourcePattern, String accountId, String region,
                           String reason, Instant expiresAt, String state, String createdBy, Instant createdAt,
                           Instant revokedAt, long version) {
        static RuleView of(Suppression s) {
            Instant now = Instant.now();
            String state = s.revokedAt != null ? "revoked" : s.activeAt(now) ? "active" : "expired";
            return new RuleView(s.id, s.checkId, s.resourcePattern, s.accountId, s.region, s.reason, s.expiresAt, state,
                    s.createdBy, s.createdAt, s.revokedAt, s.version);
        }
    }

    /** Every matcher that is set must match; check id and resource pattern are globs with {@code *}. */
    public record NewRule(@Size(max = 200) String checkId, @Size(max = 1024) String resourcePattern,
                          @Size(max = 12) String accountId, @Size(max = 30) String region,
                          @NotBlank @Size(max = 1000) String reason, @NotNull Instant expiresAt) {
    }

    /** What a rule matches is fixed; to change it, revoke the rule and create another. */
    public record RuleChange(@NotBlank @Size(max = 1000) String reason, @NotNull Instant expiresAt) {
    }

    private final FindingQuery query;
    private final FindingActions actions;
    private final Idempotency idempotency;
    private final EntityManager em;

    public SuppressionRulesResource(FindingQuery query, FindingActions actions, Idempotency idempotency, EntityManager em) {
        this.query = query;
        this.actions = actions;
        this.idempotency = idempotency;
        this.em = em;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor) {
        ListParams.rejectUnknown(uri);
        Page<Suppression> page = query.rules(cursor, ListParams.limit(limit));
        return ListParams.page(uri, new Page<>(page.items().stream().map(RuleView::of).toList(), page.nextCursor()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.FINDINGS_TRIAGE)
    @Transactional
    @Audited("suppression.created")
    public Response create(@PathParam("tenantId") UUID tenantId, @HeaderParam(Idempotency.HEADER) String key,
                           @Valid @NotNull NewRule rule) {
        return idempotency.once(key, "suppression-rules.create", rule, () -> {
            Suppression created = actions.createRule(rule.checkId(), rule.resourcePattern(), rule.accountId(),
                    rule.region(), rule.reason(), rule.expiresAt());
            em.flush();
            em.refresh(created);
            return Response.created(URI.create("/api/v1/tenants/" + tenantId + "/suppression-rules/" + created.id))
                    .tag(etag(created)).entity(RuleView.of(created)).build();
        });
    }

    @GET
    @Path("{ruleId}")
    @Requires(Permission.TENANT_READ)
    public Response get(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId) {
        Suppression rule = query.rule(ruleId).orElseThrow(() -> ProblemException.notFound("The suppression rule"));
        return Response.ok(RuleView.of(rule)).tag(etag(rule)).build();
    }

    @PUT
    @Path("{ruleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.FINDINGS_TRIAGE)
    @Transactional
    @Audited("suppression.updated")
    public Response update(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull RuleChange change) {
        if (query.rule(ruleId).isEmpty()) {
            throw ProblemException.notFound("The suppression rule");
        }
        Suppression rule = actions.updateRule(ruleId, version(ifMatch), change.reason(), change.expiresAt())
                .orElseThrow(() -> ProblemException.notFound("The suppression rule"));
        return Response.ok(RuleView.of(rule)).tag(etag(rule)).build();
    }

    /** Ends the rule now; the findings it held return to OPEN. Revoking a revoked rule changes nothing. */
    @DELETE
    @Path("{ruleId}")
    @Requires(Permission.FINDINGS_TRIAGE)
    @Transactional
    @Audited("suppression.revoked")
    public Response revoke(@PathParam("tenantId") UUID tenantId, @PathParam("ruleId") UUID ruleId) {
        Suppression rule = query.rule(ruleId).orElseThrow(() -> ProblemException.notFound("The suppression rule"));
        actions.revokeRule(ruleId);
        em.flush();
        return Response.ok(RuleView.of(rule)).tag(etag(rule)).build();
    }

    private static EntityTag etag(Suppression rule) {
        return new EntityTag(Long.toString(rule.version));
    }

    /** The version an {@code If-Match} names: required (428), one strong or weak tag of a version we issued. */
    private static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemException.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
                    "Send the rule's ETag in If-Match (read the rule first), so that a change made meanwhile is not lost.");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw new NumberFormatException(tag);
            }
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            throw new ProblemException(Response.Status.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                    "If-Match does not name a version of this rule; read the rule again for its ETag.");
        }
    }
}
