package io.cloudward.web;

import io.cloudward.accounts.AccountStatus;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.ListParams;
import io.cloudward.api.ProblemException;
import io.cloudward.collect.ScanRun;
import io.cloudward.collect.ScanRunSource;
import io.cloudward.collect.ScanService;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Collection runs: the list with live progress (htmx polls a fragment every 2 s while a run is queued or running,
 * and stops once none is), each run's per region × source outcomes, scan now and cancel.
 */
@Path("/t/{tenantId}/scans")
@Produces(MediaType.TEXT_HTML)
public class ScansPage {
    static final int PAGE_SIZE = 25;

    public record Run(ScanRun run, String accountName) {
        public boolean live() {
            return !run.status.finished();
        }

        /** Progress in whole percent, for screen readers beside the bar. */
        public int percent() {
            return run.sourcesTotal == 0 ? 0 : 100 * run.sourcesDone / run.sourcesTotal;
        }
    }

    /** @param next the next page's URL; null on the last page */
    public record Runs(List<Run> runs, List<AwsAccount> scannable, String next, String cursor) {
        public boolean live() {
            return runs.stream().anyMatch(Run::live);
        }
    }

    public record RunDetail(Run run, List<ScanRunSource> sources) {
        public long failing() {
            return sources.stream().filter(s -> s.status != io.cloudward.collect.SourceOutcome.Status.OK).count();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scans(Runs runs);

        static native TemplateInstance scans$list(Runs runs);

        static native TemplateInstance run(RunDetail detail);

        static native TemplateInstance run$progress(RunDetail detail);
    }

    private final ScanService scans;
    private final AwsAccounts accounts;
    private final PageContext page;

    public ScansPage(ScanService scans, AwsAccounts accounts, PageContext page) {
        this.scans = scans;
        this.accounts = accounts;
        this.page = page;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId, @QueryParam("cursor") String cursor) {
        page.section("scans");
        return Templates.scans(runs(tenantId, cursor));
    }

    /** The runs table alone, for htmx polling. */
    @GET
    @Path("list")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance listFragment(@PathParam("tenantId") UUID tenantId, @QueryParam("cursor") String cursor) {
        return Templates.scans$list(runs(tenantId, cursor));
    }

    @GET
    @Path("{runId}")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance run(@PathParam("tenantId") UUID tenantId, @PathParam("runId") UUID runId) {
        page.section("scans");
        return Templates.run(detail(runId));
    }

    @GET
    @Path("{runId}/progress")
    @Requires(Permission.TENANT_READ)
    public TemplateInstance progress(@PathParam("tenantId") UUID tenantId, @PathParam("runId") UUID runId) {
        return Templates.run$progress(detail(runId));
    }

    /** Scan now: one account, or every connected account when none is chosen. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.SCAN_RUN)
    @Transactional
    @Audited("scan.requested")
    public Response scanNow(@PathParam("tenantId") UUID tenantId, @FormParam("accountId") String accountId) {
        if (accountId == null || accountId.isBlank()) {
            scans.scanTenant();
        } else {
            scans.scanAccount(uuid(accountId));
        }
        return Response.seeOther(URI.create("/t/" + tenantId + "/scans")).build();
    }

    @POST
    @Path("{runId}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.SCAN_RUN)
    @Transactional
    @Audited("scan.cancelled")
    public Response cancel(@PathParam("tenantId") UUID tenantId, @PathParam("runId") UUID runId) {
        scans.cancel(runId);
        return Response.seeOther(URI.create("/t/" + tenantId + "/scans/" + runId)).build();
    }

    private Runs runs(UUID tenantId, String cursor) {
        List<ScanRun> rows = scans.page(ListParams.cursor(cursor), null, PAGE_SIZE + 1);
        Map<UUID, String> names = names();
        List<Run> shown = rows.stream().limit(PAGE_SIZE).map(r -> new Run(r, names.getOrDefault(r.awsAccountId, r.accountId))).toList();
        String next = rows.size() > PAGE_SIZE
                ? "/t/" + tenantId + "/scans?cursor=" + ListParams.encodeCursor(rows.get(PAGE_SIZE - 1).seq) : null;
        List<AwsAccount> scannable = accounts.active().stream()
                .filter(a -> a.status != AccountStatus.PENDING && a.status != AccountStatus.DISCONNECTED).toList();
        return new Runs(shown, scannable, next, cursor == null ? "" : cursor);
    }

    private RunDetail detail(UUID runId) {
        ScanRun run = scans.find(runId).orElseThrow(() -> ProblemException.notFound("The scan run"));
        return new RunDetail(new Run(run, names().getOrDefault(run.awsAccountId, run.accountId)), scans.sources(runId));
    }

    private Map<UUID, String> names() {
        return accounts.all().stream().collect(Collectors.toMap(a -> a.id, a -> a.name, (a, b) -> a));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("accountId", "Choose one of the tenant's accounts.");
        }
    }
}
