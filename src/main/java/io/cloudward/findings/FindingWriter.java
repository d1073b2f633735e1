package io.cloudward.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudward.checks.Severity;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one batch of observations in the caller's transaction with a handful of JDBC statements: one
 * select (locking the existing rows, so a person's action on the same finding waits instead of being
 * overwritten), then batched inserts, updates, "seen again" stamps and history rows, and one outbox event
 * per lifecycle change. Unchanged findings only get their last-seen stamp: no history, no event.
 */
@ApplicationScoped
class FindingWriter {
    private static final String COLUMNS = "id, status, severity, title, description, evidence_hash, occurrences, "
            + "suppression_id, suppressed_reason, suppressed_until, reopened_count, fingerprint";

    private final EntityManager em;
    private final TenantContext tenant;
    private final FindingEvents events;
    private final ObjectMapper canonical;

    FindingWriter(EntityManager em, TenantContext tenant, FindingEvents events, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.events = events;
        // Sorted keys: equal evidence always hashes the same, whatever order a collector built it in.
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** What was decided for one observation, with what the history row and the event need. */
    private record Decision(Observation seen, Lifecycle.Stored stored, Lifecycle.Transition transition, UUID id,
                            String evidenceJson, String evidenceHash) {
    }

    ScopeCounts write(Scope scope, List<Observation> batch, SuppressionRules rules, Instant now) {
        Map<String, Observation> byFingerprint = new LinkedHashMap<>();
        batch.forEach(o -> byFingerprint.put(o.fingerprint(), o)); // the last word on a fingerprint wins
        String actor = tenant.require().principal();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, Lifecycle.Stored> stored = load(connection, scope.tenantId(), byFingerprint.keySet());
            List<Decision> decisions = new ArrayList<>(byFingerprint.size());
            ScopeCounts counts = ScopeCounts.NONE;
            for (Observation seen : byFingerprint.values()) {
                Lifecycle.Stored before = stored.get(seen.fingerprint());
                String evidenceJson = toJson(seen.evidence());
                String evidenceHash = Fingerprints.sha256(evidenceJson);
                Suppression rule = seen.failing() ? rules.match(seen, now) : null;
                Lifecycle.Transition t = Lifecycle.decide(before, seen, evidenceHash, rule, now);
                counts = counts.plus(t.kind());
                decisions.add(new Decision(seen, before, t, before == null ? UUID.randomUUID() : before.id(),
                        evidenceJson, evidenceHash));
            }
            insert(connection, scope, decisions, now);
            update(connection, scope, decisions, now);
            resolve(connection, decisions, now);
            touch(connection, scope, decisions, now);
            history(connection, scope.tenantId(), decisions, actor, now);
            for (Decision d : decisions) {
                FindingEvent.Type type = historyType(d.transition().kind());
                if (type != null) {
                    events.emit(FindingEvents.typeOf(type), scope.accountId(), d.seen().region(), data(d, scope, actor));
                }
            }
            return counts;
        });
    }

    private Map<String, Lifecycle.Stored> load(Connection c, UUID tenantId, java.util.Collection<String> fingerprints) throws SQLException {
        Map<String, Lifecycle.Stored> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from finding where tenant_id = ? and fingerprint = any(?) order by id for update")) {
            s.setObject(1, tenantId);
            s.setArray(2, c.createArrayOf("text", fingerprints.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp until = rs.getTimestamp("suppressed_until");
                    found.put(rs.getString("fingerprint"), new Lifecycle.Stored(rs.getObject("id", UUID.class),
                            FindingStatus.valueOf(rs.getString("status")), Severity.values()[rs.getInt("severity")],
                            rs.getString("title"), rs.getString("description"), rs.getString("evidence_hash"),
                            rs.getInt("occurrences"), rs.getObject("suppression_id", UUID.class),
                            rs.getString("suppressed_reason"), until == null ? null : until.toInstant(),
                            rs.getInt("reopened_count")));
                }
            }
        }
        return found;
    }

    private void insert(Connection c, Scope scope, List<Decision> decisions, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into finding (id, tenant_id, aws_account_id, account_id, region, scope_region, source, origin,
                    check_id, fingerprint, category, severity, title, description, resource_type, resource_id, evidence,
                    evidence_hash, occurrences, occurred_at, status, suppression_id, first_seen, last_seen, seen_run)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            Timestamp at = Timestamp.from(now);
            int n = 0;
            for (Decision d : decisions) {
                if (d.transition().kind() != Lifecycle.Kind.CREATED) {
                    continue;
                }
                Observation o = d.seen();
                int i = 1;
                s.setObject(i++, d.id());
                s.setObject(i++, scope.tenantId());
                s.setObject(i++, scope.awsAccountId());
                s.setString(i++, scope.accountId());
                s.setString(i++, o.region());
                s.setString(i++, scope.region());
                s.setString(i++, scope.source());
                s.setString(i++, o.origin().name());
                s.setString(i++, o.checkId());
                s.setString(i++, o.fingerprint());
                s.setString(i++, o.category().slug());
                s.setShort(i++, (short) o.severity().ordinal());
                s.setString(i++, o.title());
                s.setString(i++, o.description());
                s.setString(i++, o.resourceType());
                s.setString(i++, o.resourceId());
                s.setString(i++, d.evidenceJson());
                s.setString(i++, d.evidenceHash());
                s.setInt(i++, o.occurrences());
                s.setTimestamp(i++, o.occurredAt() == null ? null : Timestamp.from(o.occurredAt()));
                s.setString(i++, d.transition().status().name());
                s.setObject(i++, d.transition().suppressionId(), Types.OTHER);
                s.setTimestamp(i++, at);
                s.setTimestamp(i++, at);
                s.setObject(i, scope.runId());
                s.addBatch();
                n++;
            }
            if (n > 0) {
                s.executeBatch();
            }
        }
    }

    /** Content and lifecycle of findings seen failing again: updated, reopened, (un)suppressed or re-stamped. */
    private void update(Connection c, Scope scope, List<Decision> decisions, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                update finding set region = ?, scope_region = ?, source = ?, severity = ?, title = ?, description = ?,
                    resource_type = ?, resource_id = ?, evidence = cast(? as jsonb), evidence_hash = ?, occurrences = ?,
                    occurred_at = coalesce(?, occurred_at), status = ?, suppression_id = ?, last_seen = ?, seen_run = ?,
                    resolved_at = case when ? = 'RESOLVED' then resolved_at end, reopened_count = ?,
                    suppressed_reason = case when ? then null else suppressed_reason end,
                    suppressed_until = case when ? then null else suppressed_until end,
                    suppressed_by = case when ? then null else suppressed_by end,
                    version = version + 1
                where id = ?""")) {
            Timestamp at = Timestamp.from(now);
            int n = 0;
            for (Decision d : decisions) {
                Lifecycle.Transition t = d.transition();
                boolean write = switch (t.kind()) {
                    case UPDATED, REOPENED, SUPPRESSED -> true;
                    case UNCHANGED -> t.rewrite();
                    default -> false;
                };
                if (!write) {
                    continue;
                }
                Observation o = d.seen();
                int i = 1;
                s.setString(i++, o.region());
                s.setString(i++, scope.region());
                s.setString(i++, scope.source());
                s.setShort(i++, (short) o.severity().ordinal());
                s.setString(i++, o.title());
                s.setString(i++, o.description());
                s.setString(i++, o.resourceType());
                s.setString(i++, o.resourceId());
                s.setString(i++, d.evidenceJson());
                s.setString(i++, d.evidenceHash());
                s.setInt(i++, o.occurrences());
                s.setTimestamp(i++, o.occurredAt() == null ? null : Timestamp.from(o.occurredAt()));
                s.setString(i++, t.status().name());
                s.setObject(i++, t.suppressionId(), Types.OTHER);
                s.setTimestamp(i++, at);
                s.setObject(i++, scope.runId());
                s.setString(i++, t.status().name());
                s.setInt(i++, t.reopenedCount());
                s.setBoolean(i++, t.clearPersonSuppression());
                s.setBoolean(i++, t.clearPersonSuppression());
                s.setBoolean(i++, t.clearPersonSuppression());
                s.setObject(i, d.id());
                s.addBatch();
                n++;
            }
            if (n > 0) {
                s.executeBatch();
            }
        }
    }

    /** A pass (or an archived GuardDuty finding) resolves; the finding keeps the words of its failure. */
    private void resolve(Connection c, List<Decision> decisions, Instant now) throws SQLException {
        List<UUID> ids = decisions.stream().filter(d -> d.transition().kind() == Lifecycle.Kind.RESOLVED).map(Decision::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "update finding set status = 'RESOLVED', resolved_at = ?, version = version + 1 where id = any(?)")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
    }

    /** Seen again, nothing changed: only the stamps a sweep and the "last seen" column read. */
    private void touch(Connection c, Scope scope, List<Decision> decisions, Instant now) throws SQLException {
        List<UUID> ids = decisions.stream()
                .filter(d -> d.transition().kind() == Lifecycle.Kind.UNCHANGED && !d.transition().rewrite())
                .map(Decision::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "update finding set last_seen = ?, seen_run = ?, scope_region = ? where id = any(?)")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, scope.runId());
            s.setString(3, scope.region());
            s.setArray(4, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
    }

    private void history(Connection c, UUID tenantId, List<Decision> decisions, String actor, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into finding_event (tenant_id, finding_id, at, type, actor, detail)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            int n = 0;
            for (Decision d : decisions) {
                FindingEvent.Type type = historyType(d.transition().kind());
                if (type == null) {
                    continue;
                }
                Map<String, Object> detail = new LinkedHashMap<>(d.transition().changes());
                if (type == FindingEvent.Type.CREATED) {
                    detail.put("status", d.transition().status().name());
                    detail.put("severity", d.seen().severity().name());
                }
                if (type == FindingEvent.Type.RESOLVED) {
                    detail.put("sentence", d.seen().description());
                }
                if (d.transition().suppressionId() != null && d.transition().status() == FindingStatus.SUPPRESSED) {
                    detail.put("suppressionId", d.transition().suppressionId().toString());
                }
                s.setObject(1, tenantId);
                s.setObject(2, d.id());
                s.setTimestamp(3, Timestamp.from(now));
                s.setString(4, type.name());
                s.setString(5, actor);
                s.setString(6, toJson(detail));
                s.addBatch();
                n++;
            }
            if (n > 0) {
                s.executeBatch();
            }
        }
    }

    /**
     * Resolves up to {@code limit} CHECK findings of a full-snapshot scope that this run did not see (mark and
     * sweep: every finding seen carries the run id). Returns how many it resolved; call again until 0.
     */
    int sweep(Scope scope, Instant now, int limit) {
        String actor = tenant.require().principal();
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Object[]> swept = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    with doomed as (
                        select id from finding
                        where tenant_id = ? and aws_account_id = ? and scope_region = ? and source = ? and origin = 'CHECK'
                          and status <> 'RESOLVED' and seen_run is distinct from ?
                        order by id limit ? for update)
                    update finding f set status = 'RESOLVED', resolved_at = ?, version = f.version + 1
                    from doomed where f.id = doomed.id
                    returning f.id, f.fingerprint, f.check_id, f.category, f.severity, f.title, f.resource_type,
                              f.resource_id, f.region, f.reopened_count, f.incident_id""")) {
                s.setObject(1, scope.tenantId());
                s.setObject(2, scope.awsAccountId());
                s.setString(3, scope.region());
                s.setString(4, scope.source());
                s.setObject(5, scope.runId());
                s.setInt(6, limit);
                s.setTimestamp(7, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        swept.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), Severity.values()[rs.getInt(5)], rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getInt(10), rs.getObject(11, UUID.class)});
                    }
                }
            }
            if (swept.isEmpty()) {
                return 0;
            }
            Map<String, Object> changes = Map.of("status", Map.of("to", "RESOLVED"), "reason", "not-seen-in-full-scan");
            try (PreparedStatement s = c.prepareStatement("""
                    insert into finding_event (tenant_id, finding_id, at, type, actor, detail)
                    values (?, ?, ?, 'RESOLVED', ?, cast(? as jsonb))""")) {
                for (Object[] row : swept) {
                    s.setObject(1, scope.tenantId());
                    s.setObject(2, row[0]);
                    s.setTimestamp(3, Timestamp.from(now));
                    s.setString(4, actor);
                    s.setString(5, toJson(changes));
                    s.addBatch();
                }
                s.executeBatch();
            }
            for (Object[] row : swept) {
                events.emit(FindingEvents.RESOLVED, scope.accountId(), (String) row[8], new FindingEvents.Data(
                        (UUID) row[0], (String) row[1], Origin.CHECK.name(), scope.source(), (String) row[2],
                        (String) row[3], ((Severity) row[4]).name(), (String) row[5], FindingStatus.RESOLVED.name(),
                        (String) row[6], (String) row[7], (Integer) row[9], (UUID) row[10], actor, changes));
            }
            return swept.size();
        });
    }

    static FindingEvent.Type historyType(Lifecycle.Kind kind) {
        return switch (kind) {
            case CREATED -> FindingEvent.Type.CREATED;
            case UPDATED -> FindingEvent.Type.UPDATED;
            case RESOLVED -> FindingEvent.Type.RESOLVED;
            case REOPENED -> FindingEvent.Type.REOPENED;
            case SUPPRESSED -> FindingEvent.Type.SUPPRESSED;
            case UNCHANGED, IGNORED -> null;
        };
    }

    private static FindingEvents.Data data(Decision d, Scope scope, String actor) {
        Observation o = d.seen();
        Lifecycle.Stored before = d.stored();
        Lifecycle.Transition t = d.transition();
        // A resolved finding keeps its stored words; the event names what it was.
        boolean resolved = t.kind() == Lifecycle.Kind.RESOLVED;
        return new FindingEvents.Data(d.id(), o.fingerprint(), o.origin().name(), scope.source(), o.checkId(), o.category().slug(),
                (resolved ? before.severity() : o.severity()).name(), resolved ? before.title() : o.title(),
                t.status().name(), o.resourceType(), o.resourceId(), t.reopenedCount(), null, actor, t.changes());
    }

    String toJson(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("finding data is not serialisable", e);
        }
    }
}
