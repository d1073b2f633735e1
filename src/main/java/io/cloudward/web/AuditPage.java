package io.cloudward.web;

import io.cloudward.api.ListParams;
import io.cloudward.tenancy.AuditEvent;
import io.cloudward.tenancy.AuditQuery;
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

import java.util.List;
import java.util.UUID;

/** The audit log with filters, paging and export links. */
@Path("/t/{tenantId}/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {
    private static final int PAGE_SIZE = 50;

    public record Filters(String actor, String action, String outcome) {
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "actor", actor);
            append(q, "action", action);
            append(q, "outcome", outcome);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEvent> entries, Filters filters, String nextCursor);
    }

    private final AuditQuery query;
    private final PageContext page;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public AuditPage(AuditQuery query, PageContext page, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.query = query;
        this.page = page;
        this.json = json;
    }

    @GET
    @Requires(Permission.AUDIT_READ)
    public TemplateInstance list(@PathParam("tenantId") UUID tenantId, @QueryParam("actor") String actor,
                                 @QueryParam("action") String action, @QueryParam("outcome") String outcome,
                                 @QueryParam("cursor") String cursor) {
        page.section("audit");
        String outcomeFilter = "OK".equals(outcome) || "DENIED".equals(outcome) ? outcome : null;
        AuditQuery.Filter filter = new AuditQuery.Filter(blank(actor), blank(action), outcomeFilter, null, null);
        List<AuditEvent> rows = query.page(filter, ListParams.cursor(cursor), PAGE_SIZE + 1);
        String next = rows.size() > PAGE_SIZE ? ListParams.encodeCursor(rows.get(PAGE_SIZE - 1).seq) : null;
        return Templates.audit(rows.stream().limit(PAGE_SIZE).toList(), new Filters(actor, action, outcomeFilter), next);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Requires(Permission.AUDIT_READ)
    public jakarta.ws.rs.core.Response export(@PathParam("tenantId") UUID tenantId, @QueryParam("format") String format,
                                              @QueryParam("actor") String actor, @QueryParam("action") String action,
                                              @QueryParam("outcome") String outcome) {
        String outcomeFilter = "OK".equals(outcome) || "DENIED".equals(outcome) ? outcome : null;
        return io.cloudward.api.AuditResource.export(query, json,
                new AuditQuery.Filter(blank(actor), blank(action), outcomeFilter, null, null), !"jsonl".equals(format));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
