package io.cloudward.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.tenancy.AuditEvent;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.AuditQuery;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
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
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The tenant's audit log: who changed what, when, from where — filtered, paginated, exportable, verifiable. */
@Path("/api/v1/tenants/{tenantId}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private static final String[] FILTERS = {"actor", "action", "outcome", "from", "to"};

    public record AuditEntry(long seq, Instant at, String actor, String actorType, String action, String targetType,
                             String targetId, String outcome, Object summary, String ip, String userAgent, String hash) {
    }

    public record Verification(boolean intact, Long firstBrokenSeq) {
    }

    private final AuditQuery query;
    private final AuditLog log;
    private final ObjectMapper json;

    public AuditResource(AuditQuery query, AuditLog log, ObjectMapper json) {
        this.query = query;
        this.log = log;
        this.json = json;
    }

    @GET
    @Requires(Permission.AUDIT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri,
                         @QueryParam("actor") String actor, @QueryParam("action") String action,
                         @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor) {
        ListParams.rejectUnknown(uri, FILTERS);
        int size = ListParams.limit(limit);
        List<AuditEvent> rows = query.page(filter(actor, action, outcome, from, to), ListParams.cursor(cursor), size + 1);
        String next = rows.size() > size ? ListParams.encodeCursor(rows.get(size - 1).seq) : null;
        List<AuditEntry> items = rows.stream().limit(size).map(this::view).toList();
        return ListParams.page(uri, new Page<>(items, next));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Requires(Permission.AUDIT_READ)
    public Response export(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri,
                           @QueryParam("format") String format, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("outcome") String outcome,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        ListParams.rejectUnknown(uri, FILTERS);
        boolean csv = format == null || format.equals("csv");
        if (!csv && !format.equals("jsonl")) {
            throw ProblemException.invalid("format", "format must be csv or jsonl.");
        }
        return export(query, json, filter(actor, action, outcome, from, to), csv);
    }

    /** Streams the entries matching {@code filter} (constant memory); also what the audit page's export links use. */
    public static Response export(AuditQuery query, ObjectMapper json, AuditQuery.Filter filter, boolean csv) {
        StreamingOutput body = out -> QuarkusTransaction.joiningExisting().run(() -> {
            try (var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                 var entries = query.stream(filter)) {
                if (csv) {
                    writer.write(Csv.line(List.of("seq", "at", "actor", "actor_type", "action", "target_type", "target_id",
                            "outcome", "summary", "ip", "user_agent", "hash")));
                }
                for (AuditEvent e : (Iterable<AuditEvent>) entries::iterator) {
                    writer.write(csv ? Csv.line(java.util.Arrays.asList(e.seq, e.at, e.actor, e.actorType, e.action,
                            e.targetType, e.targetId, e.outcome, e.summary, e.ip, e.userAgent, e.hash))
                            : json.writeValueAsString(view(json, e)) + "\n");
                }
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"audit." + (csv ? "csv" : "jsonl") + "\"").build();
    }

    @GET
    @Path("verification")
    @Requires(Permission.AUDIT_READ)
    public Verification verify(@PathParam("tenantId") UUID tenantId) {
        Long broken = log.firstBrokenEntry(tenantId);
        return new Verification(broken == null, broken);
    }

    private AuditQuery.Filter filter(String actor, String action, String outcome, String from, String to) {
        if (outcome != null && !outcome.equals("OK") && !outcome.equals("DENIED")) {
            throw ProblemException.invalid("outcome", "outcome must be OK or DENIED.");
        }
        return new AuditQuery.Filter(blankToNull(actor), blankToNull(action), outcome,
                ListParams.time("from", from), ListParams.time("to", to));
    }

    private AuditEntry view(AuditEvent e) {
        return view(json, e);
    }

    private static AuditEntry view(ObjectMapper json, AuditEvent e) {
        Object summary;
        try {
            summary = json.readTree(e.summary);
        } catch (java.io.IOException ex) {
            summary = e.summary;
        }
        return new AuditEntry(e.seq, e.at, e.actor, e.actorType, e.action, e.targetType, e.targetId, e.outcome,
                summary, e.ip, e.userAgent, e.hash);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
