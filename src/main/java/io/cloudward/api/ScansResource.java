package io.cloudward.api;

import io.cloudward.collect.RunFamily;
import io.cloudward.collect.RunStatus;
import io.cloudward.collect.RunTrigger;
import io.cloudward.collect.ScanRun;
import io.cloudward.collect.ScanRunSource;
import io.cloudward.collect.ScanService;
import io.cloudward.collect.SourceOutcome;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Collection runs: scan now, follow a run's progress per region × source, cancel. */
@Path("/api/v1/tenants/{tenantId}/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScansResource {

    /** {@code accountId} empty: every connected account of the tenant. */
    public record ScanRequest(UUID accountId) {
    }

    public record Findings(int created, int updated, int resolved, int reopened) {
    }

    /**
     * @param accountId    the Cloudward account (as in {@code /accounts/{accountId}})
     * @param awsAccountId the 12-digit AWS account
     */
    public record RunView(UUID id, UUID accountId, String awsAccountId, RunFamily family, RunTrigger trigger,
                          RunStatus status, String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                          int sourcesTotal, int sourcesDone, int attempts, boolean cancelRequested, int apiCalls,
                          long items, Findings findings, String error) {
        static RunView of(ScanRun r) {
            return new RunView(r.id, r.awsAccountId, r.accountId, r.family, r.trigger, r.status, r.requestedBy,
                    r.createdAt, r.startedAt, r.finishedAt, r.sourcesTotal, r.sourcesDone, r.attempts, r.cancelRequested,
                    r.apiCalls, r.items, new Findings(r.findingsCreated, r.findingsUpdated, r.findingsResolved,
                            r.findingsReopened), r.error);
        }
    }

    public record SourceView(String region, String source, SourceOutcome.Status status, String errorCode,
                             String deniedAction, String message, int apiCalls, long items, long durationMs,
                             int findingsCreated, int findingsResolved, Instant finishedAt) {
        static SourceView of(ScanRunSource s) {
            return new SourceView(s.key.region(), s.key.source(), s.status, s.errorCode, s.deniedAction, s.message,
                    s.apiCalls, s.items, s.durationMs, s.findingsCreated, s.findingsResolved, s.finishedAt);
        }
    }

    public record RunDetail(RunView run, List<SourceView> sources) {
    }

    private final ScanService scans;

    public ScansResource(ScanService scans) {
        this.scans = scans;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(Permission.SCAN_RUN)
    @Transactional
    @Audited("scan.requested")
    public Response scanNow(@PathParam("tenantId") UUID tenantId, ScanRequest request) {
        List<ScanRun> runs = request == null || request.accountId() == null ? scans.scanTenant()
                : List.of(scans.scanAccount(request.accountId()));
        return Response.accepted(runs.stream().map(RunView::of).toList()).build();
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor, @QueryParam("accountId") String accountId) {
        ListParams.rejectUnknown(uri, "accountId");
        int size = ListParams.limit(limit);
        List<ScanRun> rows = scans.page(ListParams.cursor(cursor), uuid("accountId", accountId), size + 1);
        String next = rows.size() > size ? ListParams.encodeCursor(rows.get(size - 1).seq) : null;
        Response.ResponseBuilder response = Response.ok(new Page<>(rows.stream().limit(size).map(RunView::of).toList(), next));
        if (next != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("{runId}")
    @Requires(Permission.TENANT_READ)
    public RunDetail get(@PathParam("tenantId") UUID tenantId, @PathParam("runId") UUID runId) {
        ScanRun run = scans.find(runId).orElseThrow(() -> ProblemException.notFound("The scan run"));
        return new RunDetail(RunView.of(run), scans.sources(runId).stream().map(SourceView::of).toList());
    }

    @POST
    @Path("{runId}/cancel")
    @Requires(Permission.SCAN_RUN)
    @Transactional
    @Audited("scan.cancelled")
    public RunView cancel(@PathParam("tenantId") UUID tenantId, @PathParam("runId") UUID runId) {
        return RunView.of(scans.cancel(runId));
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " must be an account id (a UUID).");
        }
    }
}
