package io.cloudward.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.checks.CheckMetadata;
import io.cloudward.checks.MetadataCatalog;
import io.cloudward.findings.FindingActions;
import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.FindingView;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.cloudward.tenancy.TenantContext;
import io.cloudward.tenancy.TenantRunner;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tenant's findings: filtered and cursor-paginated list, detail with evidence and the check's remediation,
 * history, bulk triage and streamed exports. Evidence is AWS's own data, returned as JSON values, never interpreted.
 */
@Path("/api/v1/tenants/{tenantId}/findings")
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource {
    private static final int EXPORT_PAGE = 500;
    private static final List<String> CSV_HEADER = List.of("id", "account_id", "region", "source", "check_id", "category",
            "severity", "status", "title", "description", "resource_type", "resource_id", "first_seen", "last_seen",
            "resolved_at", "occurrences", "assignee", "incident_id", "suppression_id", "suppressed_reason");

    /** How to fix it, from the check's metadata; for GuardDuty and trail-event findings only general guidance. */
    public record Remediation(String risk, String text, List<String> console, String cli, List<String> references,
                              List<String> cis, List<String> fsbp) {
    }

    public record FindingDetail(FindingView finding, JsonNode evidence, Remediation remediation,
                                List<FindingQuery.HistoryEntry> history) {
    }

    public enum Action { suppress, resolve, assign, comment }

    /**
     * @param reason   why (suppress: required; resolve: an optional note)
     * @param until    when a suppression ends (null: until lifted)
     * @param assignee who (assign; blank unassigns)
     */
    public record BulkAction(@NotNull Action action, @NotNull @Size(min = 1, max = ListParams.MAX_LIMIT) List<@NotNull UUID> ids,
                             @Size(max = 1000) String reason, Instant until, @Size(max = 1000) String assignee,
                             @Size(max = 1000) String comment) {
    }

    /** @param result changed, unchanged (already in that state) or not-found (not a finding of this tenant) */
    public record ItemResult(UUID id, String result) {
    }

    public record BulkOutcome(Action action, int changed, int unchanged, int notFound, List<ItemResult> results) {
    }

    private static final List<String> GUARDDUTY_REFERENCES = List.of(
            "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-active.html",
            "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_remediate.html");

    private final FindingQuery query;
    private final FindingActions actions;
    private final TenantContext tenant;
    private final TenantRunner runner;
    private final ObjectMapper json;
    private static final MetadataCatalog CATALOG = MetadataCatalog.load();

    public FindingsResource(FindingQuery query, FindingActions actions, TenantContext tenant, TenantRunner runner,
                            ObjectMapper json) {
        this.query = query;
        this.actions = actions;
        this.tenant = tenant;
        this.runner = runner;
        this.json = json;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor) {
        FindingQuery.Filter filter = FindingFilters.filter(uri);
        return ListParams.page(uri, query.page(filter, FindingFilters.sort(uri), cursor, ListParams.limit(limit)));
    }

    @GET
    @Path("{findingId}")
    @Requires(Permission.TENANT_READ)
    public FindingDetail get(@PathParam("tenantId") UUID tenantId, @PathParam("findingId") UUID findingId) {
        FindingQuery.FindingDetail detail = query.detail(findingId).orElseThrow(() -> ProblemException.notFound("The finding"));
        return new FindingDetail(detail.finding(), detail.evidence(), remediation(detail.finding()), detail.history());
    }

    @GET
    @Path("{findingId}/history")
    @Requires(Permission.TENANT_READ)
    public List<FindingQuery.HistoryEntry> history(@PathParam("tenantId") UUID tenantId, @PathParam("findingId") UUID findingId) {
        query.find(findingId).orElseThrow(() -> ProblemException.notFound("The finding"));
        return query.history(findingId);
    }

    /** One action on up to 500 findings; ids that are not this tenant's findings are reported, never touched. */
    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.FINDINGS_TRIAGE)
    @Transactional
    @Audited("findings.bulk-action")
    public BulkOutcome act(@PathParam("tenantId") UUID tenantId, @Valid @NotNull BulkAction request) {
        FindingActions.BulkResult result = switch (request.action()) {
            case suppress -> actions.suppress(request.ids(), request.reason(), request.until());
            case resolve -> actions.resolve(request.ids(), request.reason());
            case assign -> actions.assign(request.ids(), request.assignee());
            case comment -> actions.comment(request.ids(), request.comment());
        };
        Set<UUID> changed = new HashSet<>(result.changedIds());
        Set<UUID> missing = new HashSet<>(result.notFound());
        List<ItemResult> items = request.ids().stream().distinct().map(id -> new ItemResult(id,
                changed.contains(id) ? "changed" : missing.contains(id) ? "not-found" : "unchanged")).toList();
        return new BulkOutcome(request.action(), changed.size(), items.size() - changed.size() - missing.size(),
                missing.size(), items);
    }

    /**
     * The list's findings as CSV or JSON Lines, streamed: each page of {@value #EXPORT_PAGE} is read in its own short
     * transaction and written before the next is read, so memory stays flat however many there are.
     */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Requires(Permission.TENANT_READ)
    public Response export(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("format") String format) {
        FindingQuery.Filter filter = FindingFilters.filter(uri);
        FindingQuery.Sort sort = FindingFilters.sort(uri);
        boolean csv = format == null || format.equals("csv");
        if (!csv && !format.equals("jsonl")) {
            throw ProblemException.invalid("format", "format must be csv or jsonl.");
        }
        Access access = tenant.require();
        StreamingOutput body = out -> {
            try (var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                if (csv) {
                    writer.write(Csv.line(CSV_HEADER));
                }
                String cursor = null;
                do {
                    String from = cursor;
                    Page<FindingView> page = runner.call(access, () -> query.page(filter, sort, from, EXPORT_PAGE));
                    for (FindingView f : page.items()) {
                        writer.write(csv ? csvLine(f) : json.writeValueAsString(f) + "\n");
                    }
                    writer.flush();
                    cursor = page.nextCursor();
                } while (cursor != null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"findings." + (csv ? "csv" : "jsonl") + "\"").build();
    }

    private static String csvLine(FindingView f) {
        return Csv.line(Arrays.asList(f.id(), f.accountId(), f.region(), f.source(), f.checkId(), f.category(), f.severity(),
                f.status(), f.title(), f.description(), f.resourceType(), f.resourceId(), f.firstSeen(), f.lastSeen(),
                f.resolvedAt(), f.occurrences(), f.assignee(), f.incidentId(), f.suppressionId(), f.suppressedReason()));
    }

    /** Shared with the finding page. */
    public static Remediation remediation(FindingView f) {
        CheckMetadata meta = f.origin().equals("CHECK") ? CATALOG.entries().get(f.checkId()) : null;
        if (meta != null) {
            return new Remediation(meta.risk(), meta.remediation().text(), meta.remediation().console(),
                    meta.remediation().cli().orElse(null), meta.references(), meta.compliance().cis(), meta.compliance().fsbp());
        }
        if (f.origin().equals("GUARDDUTY")) {
            return new Remediation(null, "Investigate the resource named in the evidence, following AWS's guidance for this"
                    + " finding type; archive the finding in GuardDuty once it is understood.", List.of(), null,
                    GUARDDUTY_REFERENCES, List.of(), List.of());
        }
        return null;
    }
}
