package io.cloudward.findings;

import io.cloudward.checks.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Counts the overview and account pages show, each one grouped query over the current tenant's findings (the
 * tenant filter and row-level security scope them), so a page costs a handful of queries however many accounts.
 */
@ApplicationScoped
public class FindingStats {

    /** Open findings of one check in one region of one account. */
    public record OpenCheck(UUID awsAccountId, String region, String checkId, long count) {
    }

    /** One lifecycle change, for "what changed". */
    public record Change(Instant at, String type, UUID findingId, String title, String severity, String accountId) {
    }

    /** How many findings were created, resolved and reopened since a moment, and the latest few of those changes. */
    public record Changes(long created, long resolved, long reopened, List<Change> latest) {
    }

    private static final List<FindingEvent.Type> LIFECYCLE = List.of(FindingEvent.Type.CREATED, FindingEvent.Type.RESOLVED,
            FindingEvent.Type.REOPENED);

    private final EntityManager em;

    public FindingStats(EntityManager em) {
        this.em = em;
    }

    /** Open findings per account and severity; {@code awsAccountId} null for every account. */
    public Map<UUID, Map<Severity, Long>> openBySeverity(UUID awsAccountId) {
        var query = em.createQuery("select f.awsAccountId, f.severity, count(f) from Finding f where f.status = :open"
                + (awsAccountId == null ? "" : " and f.awsAccountId = :account") + " group by f.awsAccountId, f.severity", Object[].class)
                .setParameter("open", FindingStatus.OPEN);
        if (awsAccountId != null) {
            query.setParameter("account", awsAccountId);
        }
        Map<UUID, Map<Severity, Long>> counts = new HashMap<>();
        query.getResultStream().forEach(r -> counts.computeIfAbsent((UUID) r[0], a -> new EnumMap<>(Severity.class))
                .put((Severity) r[1], (Long) r[2]));
        return counts;
    }

    /** Open incidents per account. */
    public Map<UUID, Long> openIncidents() {
        Map<UUID, Long> counts = new HashMap<>();
        em.createQuery("select i.awsAccountId, count(i) from Incident i where i.status = :open group by i.awsAccountId", Object[].class)
                .setParameter("open", Incident.Status.OPEN).getResultStream()
                .forEach(r -> counts.put((UUID) r[0], (Long) r[1]));
        return counts;
    }

    /** Open findings of the given checks, per account and region; {@code awsAccountId} null for every account. */
    public List<OpenCheck> openChecks(Set<String> checkIds, UUID awsAccountId) {
        var query = em.createQuery("""
                        select f.awsAccountId, f.region, f.checkId, count(f) from Finding f
                        where f.status = :open and f.origin = :check and f.checkId in :checks"""
                        + (awsAccountId == null ? "" : " and f.awsAccountId = :account")
                        + " group by f.awsAccountId, f.region, f.checkId", Object[].class)
                .setParameter("open", FindingStatus.OPEN).setParameter("check", Origin.CHECK).setParameter("checks", checkIds);
        if (awsAccountId != null) {
            query.setParameter("account", awsAccountId);
        }
        return query.getResultStream().map(r -> new OpenCheck((UUID) r[0], (String) r[1], (String) r[2], (Long) r[3])).toList();
    }

    /** Open findings of one account in one category, worst first (at most {@code limit}). */
    public List<FindingView> open(UUID awsAccountId, String category, int limit) {
        return em.createQuery("""
                        from Finding f where f.awsAccountId = :account and f.status = :open and f.category = :category
                        order by f.severity desc, f.lastSeen desc, f.id desc""", Finding.class)
                .setParameter("account", awsAccountId).setParameter("open", FindingStatus.OPEN)
                .setParameter("category", category).setMaxResults(limit)
                .getResultStream().map(FindingView::of).toList();
    }

    /** An open finding with its evidence as stored (JSON text from AWS: untrusted). */
    public record WithEvidence(FindingView finding, String evidence) {
    }

    /** Open findings of one account from the given checks, worst first (at most {@code limit}), with evidence. */
    public List<WithEvidence> openOf(UUID awsAccountId, Set<String> checkIds, int limit) {
        return em.createQuery("""
                        from Finding f where f.awsAccountId = :account and f.status = :open and f.checkId in :checks
                        order by f.severity desc, f.lastSeen desc, f.id desc""", Finding.class)
                .setParameter("account", awsAccountId).setParameter("open", FindingStatus.OPEN)
                .setParameter("checks", checkIds).setMaxResults(limit)
                .getResultStream().map(f -> new WithEvidence(FindingView.of(f), f.evidence)).toList();
    }

    /** Findings created, resolved and reopened since {@code since}, with the latest {@code limit} of those changes. */
    public Changes changesSince(Instant since, int limit) {
        Map<FindingEvent.Type, Long> counts = new EnumMap<>(FindingEvent.Type.class);
        em.createQuery("select e.type, count(e) from FindingEvent e where e.at >= :since and e.type in :types group by e.type",
                        Object[].class)
                .setParameter("since", since).setParameter("types", LIFECYCLE).getResultStream()
                .forEach(r -> counts.put((FindingEvent.Type) r[0], (Long) r[1]));
        List<Change> latest = em.createQuery("""
                        select e.at, e.type, f.id, f.title, f.severity, f.accountId from FindingEvent e, Finding f
                        where f.id = e.findingId and e.at >= :since and e.type in :types order by e.at desc, e.id desc""",
                        Object[].class)
                .setParameter("since", since).setParameter("types", LIFECYCLE).setMaxResults(limit).getResultStream()
                .map(r -> new Change((Instant) r[0], ((FindingEvent.Type) r[1]).name(), (UUID) r[2], (String) r[3],
                        ((Severity) r[4]).name(), (String) r[5])).toList();
        return new Changes(counts.getOrDefault(FindingEvent.Type.CREATED, 0L),
                counts.getOrDefault(FindingEvent.Type.RESOLVED, 0L), counts.getOrDefault(FindingEvent.Type.REOPENED, 0L), latest);
    }

    /** An account's incidents, open first then latest activity first (at most {@code limit}). */
    public List<IncidentView> incidents(UUID awsAccountId, int limit) {
        return em.createQuery("from Incident where awsAccountId = :account order by status, lastEventAt desc", Incident.class)
                .setParameter("account", awsAccountId).setMaxResults(limit).getResultStream()
                .map(i -> IncidentView.of(i, List.of())).toList();
    }
}
