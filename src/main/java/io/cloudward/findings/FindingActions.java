package io.cloudward.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.api.ListParams;
import io.cloudward.api.ProblemException;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What people do to findings, one or many at once (the explorer's bulk actions; permission checks belong to
 * the caller): suppress with a reason and an optional expiry, resolve, assign, comment, and suppression rules.
 * Each change is kept in the finding's history; lifecycle changes also emit an outbox event; each action
 * describes its audit entry, which the {@code @Audited} endpoint calling it writes. Ids the tenant cannot see are reported as not found, never touched.
 */
@ApplicationScoped
public class FindingActions {
    private static final int MAX_TEXT = 1000;
    private static final int AUDITED_IDS = 20;

    /**
     * @param changed    how many findings this action changed
     * @param notFound   ids that are not the tenant's findings
     * @param changedIds the findings it changed (the others it found were already in the wanted state)
     */
    public record BulkResult(int changed, List<UUID> notFound, List<UUID> changedIds) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final FindingEvents events;
    private final AuditLog audit;
    private final ObjectMapper json;

    public FindingActions(EntityManager em, TenantContext tenant, FindingEvents events, AuditLog audit, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.events = events;
        this.audit = audit;
        this.json = json;
    }

    /** A person's suppression of these findings; {@code until} null means until lifted. */
    @Transactional
    public BulkResult suppress(Collection<UUID> ids, String reason, Instant until) {
        String why = text("reason", reason);
        Instant now = Instant.now();
        if (until != null && !until.isAfter(now)) {
            throw ProblemException.invalid("until", "A suppression must end in the future (or be left open).");
        }
        String actor = actor();
        return bulk("findings.suppress", ids, Map.of("reason", why, "until", String.valueOf(until)), f -> {
            f.suppressedReason = why;
            f.suppressedUntil = until;
            f.suppressedBy = actor;
            if (f.status != FindingStatus.OPEN) {
                // resolved findings keep the suppression for when they come back
                return f.status == FindingStatus.RESOLVED;
            }
            f.status = FindingStatus.SUPPRESSED;
            record(f, FindingEvent.Type.SUPPRESSED, actor, Map.of("reason", why, "until", String.valueOf(until),
                    "status", Map.of("from", "OPEN", "to", "SUPPRESSED")));
            return true;
        });
    }

    /** Resolved by a person; the next collection that still sees the problem reopens it. */
    @Transactional
    public BulkResult resolve(Collection<UUID> ids, String note) {
        String actor = actor();
        String why = note == null || note.isBlank() ? null : text("note", note);
        Instant now = Instant.now();
        return bulk("findings.resolve", ids, why == null ? Map.of() : Map.of("note", why), f -> {
            if (f.status == FindingStatus.RESOLVED) {
                return false;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", Map.of("from", f.status.name(), "to", "RESOLVED"));
            detail.put("reason", "resolved-by-person");
            if (why != null) {
                detail.put("note", why);
            }
            f.status = FindingStatus.RESOLVED;
            f.resolvedAt = now;
            record(f, FindingEvent.Type.RESOLVED, actor, detail);
            return true;
        });
    }

    /** Assigns to a person (e-mail or name; null or blank unassigns). */
    @Transactional
    public BulkResult assign(Collection<UUID> ids, String assignee) {
        String actor = actor();
        String to = assignee == null || assignee.isBlank() ? null : text("assignee", assignee);
        return bulk("findings.assign", ids, Map.of("assignee", String.valueOf(to)), f -> {
            if (java.util.Objects.equals(f.assignee, to)) {
                return false;
            }
            Map<String, Object> change = Map.of("assignee", Map.of("from", String.valueOf(f.assignee), "to", String.valueOf(to)));
            f.assignee = to;
            record(f, FindingEvent.Type.ASSIGNED, actor, change);
            return true;
        });
    }

    /** A comment in each finding's history (no event: nothing about the finding changed). */
    @Transactional
    public BulkResult comment(Collection<UUID> ids, String comment) {
        String actor = actor();
        String body = text("comment", comment);
        return bulk("findings.comment", ids, Map.of("length", body.length()), f -> {
            record(f, FindingEvent.Type.COMMENTED, actor, Map.of("comment", body));
            return true;
        });
    }

    /**
     * A rule that suppresses matching findings from now on (at every upsert) and also the open ones already
     * stored. At least one of check id, resource pattern, account or region must be given.
     */
    @Transactional
    public Suppression createRule(String checkId, String resourcePattern, String accountId, String region, String reason,
                                  Instant expiresAt) {
        RulePatterns.check(checkId, resourcePattern, accountId, region);
        RulePatterns.checkExpiry(expiresAt, Instant.now());
        Suppression rule = new Suppression();
        rule.id = UUID.randomUUID();
        rule.checkId = blank(checkId) ? null : checkId.strip();
        rule.resourcePattern = blank(resourcePattern) ? null : resourcePattern.strip();
        rule.accountId = blank(accountId) ? null : accountId;
        rule.region = blank(region) ? null : region.strip();
        rule.reason = text("reason", reason);
        rule.expiresAt = expiresAt;
        rule.createdBy = actor();
        em.persist(rule);
        int held = 0;
        String actor = rule.createdBy;
        try (var open = em.createQuery("from Finding where status = :open", Finding.class)
                .setParameter("open", FindingStatus.OPEN).setHint("org.hibernate.fetchSize", 500).getResultStream()) {
            for (Finding f : (Iterable<Finding>) open::iterator) {
                if (SuppressionRules.matches(rule, f.checkId, f.resourceId, f.accountId, f.region)) {
                    f.status = FindingStatus.SUPPRESSED;
                    f.suppressionId = rule.id;
                    record(f, FindingEvent.Type.SUPPRESSED, actor, Map.of("suppressionId", rule.id.toString(),
                            "reason", rule.reason, "status", Map.of("from", "OPEN", "to", "SUPPRESSED")));
                    held++;
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("checkId", String.valueOf(rule.checkId));
        summary.put("resourcePattern", String.valueOf(rule.resourcePattern));
        summary.put("accountId", String.valueOf(rule.accountId));
        summary.put("region", String.valueOf(rule.region));
        summary.put("expiresAt", String.valueOf(expiresAt));
        summary.put("findingsSuppressed", held);
        audit.describe("suppression", rule.id, summary);
        return rule;
    }

    /**
     * Changes a rule's reason and expiry (what it matches is fixed: revoke it and create another), if it is still at
     * {@code expectedVersion}; a shorter expiry releases the findings at the next {@link #releaseEnded}.
     */
    @Transactional
    public java.util.Optional<Suppression> updateRule(UUID ruleId, long expectedVersion, String reason, Instant expiresAt) {
        Suppression rule = em.find(Suppression.class, ruleId);
        if (rule == null) {
            return java.util.Optional.empty();
        }
        if (rule.version != expectedVersion) {
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.PRECONDITION_FAILED, "precondition-failed",
                    "Precondition failed", "The rule changed since you read it (version " + rule.version
                    + "); read it again and reapply your change.");
        }
        if (rule.revokedAt != null) {
            throw ProblemException.conflict("rule-revoked", "A revoked rule cannot be changed; create another.");
        }
        RulePatterns.checkExpiry(expiresAt, Instant.now());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reasonBefore", rule.reason);
        summary.put("expiresAtBefore", String.valueOf(rule.expiresAt));
        rule.reason = text("reason", reason);
        rule.expiresAt = expiresAt;
        summary.put("reason", rule.reason);
        summary.put("expiresAt", String.valueOf(expiresAt));
        em.flush();
        audit.describe("suppression", rule.id, summary);
        return java.util.Optional.of(rule);
    }

    /** Ends a rule now; the findings it held return to OPEN (unless a person suppressed them too). */
    @Transactional
    public boolean revokeRule(UUID ruleId) {
        Suppression rule = em.find(Suppression.class, ruleId);
        if (rule == null || rule.revokedAt != null) {
            return false;
        }
        rule.revokedAt = Instant.now();
        int released = releaseEnded(rule.revokedAt);
        audit.describe("suppression", ruleId, Map.of("findingsReleased", released));
        return true;
    }

    /**
     * Returns to OPEN the suppressed findings whose rule has expired or been revoked, or whose person's
     * suppression has ended: the store does this at upsert too, but incremental sources may not see a finding again.
     */
    @Transactional
    public int releaseEnded(Instant now) {
        List<Finding> ended = em.createQuery("""
                        from Finding f where f.status = :suppressed
                          and not (f.suppressedReason is not null and (f.suppressedUntil is null or f.suppressedUntil > :now))
                          and not exists (select 1 from Suppression s where s.id = f.suppressionId and s.revokedAt is null
                                          and (s.expiresAt is null or s.expiresAt > :now))""", Finding.class)
                .setParameter("suppressed", FindingStatus.SUPPRESSED).setParameter("now", now)
                .setMaxResults(ListParams.MAX_LIMIT * 10).getResultList();
        String actor = actor();
        for (Finding f : ended) {
            f.status = FindingStatus.OPEN;
            f.suppressionId = null;
            f.suppressedReason = null;
            f.suppressedUntil = null;
            f.suppressedBy = null;
            record(f, FindingEvent.Type.REOPENED, actor, Map.of("reason", "suppression-ended",
                    "status", Map.of("from", "SUPPRESSED", "to", "OPEN")));
        }
        return ended.size();
    }

    private BulkResult bulk(String action, Collection<UUID> ids, Map<String, ?> about, Function<Finding, Boolean> change) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        if (wanted.isEmpty() || wanted.size() > ListParams.MAX_LIMIT) {
            throw ProblemException.invalid("ids", "Select between 1 and " + ListParams.MAX_LIMIT + " findings.");
        }
        List<Finding> found = em.createQuery("from Finding where id in :ids order by id", Finding.class)
                .setParameter("ids", wanted).getResultList();
        List<UUID> changed = new ArrayList<>();
        Set<UUID> missing = new LinkedHashSet<>(wanted);
        for (Finding f : found) {
            missing.remove(f.id);
            if (change.apply(f)) {
                changed.add(f.id);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>(about);
        summary.put("requested", wanted.size());
        summary.put("action", action);
        summary.put("changed", changed.size());
        summary.put("ids", found.stream().limit(AUDITED_IDS).map(f -> f.id.toString()).toList());
        audit.describe("finding", found.size() == 1 ? found.get(0).id : null, summary);
        return new BulkResult(changed.size(), List.copyOf(missing), List.copyOf(changed));
    }

    /** History row, and an outbox event when the change is part of the lifecycle. */
    private void record(Finding f, FindingEvent.Type type, String actor, Map<String, Object> detail) {
        FindingEvent entry = new FindingEvent();
        entry.findingId = f.id;
        entry.at = Instant.now();
        entry.type = type;
        entry.actor = actor;
        entry.detail = toJson(detail);
        em.persist(entry);
        if (type != FindingEvent.Type.COMMENTED) {
            events.emit(FindingEvents.typeOf(type), f.accountId, f.region, FindingEvents.data(f, actor, detail));
        }
    }

    private String actor() {
        Access access = tenant.require();
        return access.display() == null ? access.principal() : access.display();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("history detail is not serialisable", e);
        }
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, field + " is required.");
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, field + " must be at most " + MAX_TEXT + " characters.");
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
