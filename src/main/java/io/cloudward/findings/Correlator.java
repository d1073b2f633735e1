package io.cloudward.findings;

import io.cloudward.checks.Severity;
import io.cloudward.checks.events.EventKind;
import io.cloudward.events.Outbox;
import io.cloudward.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Correlates one account's open threat findings into an incident: a compromise signal (a GuardDuty finding
 * of HIGH or above, root activity, a console sign-in without MFA) and the watcher being blinded or recovery
 * destroyed (CloudTrail StopLogging, DeleteDetector, DeleteRecoveryPoint, … from {@code checks.events}) within
 * {@link #WINDOW} of each other. Either order counts: GuardDuty often reports after the activity it saw.
 * One open incident per account collects every such finding; it is CRITICAL (Code Spaces).
 */
@ApplicationScoped
class Correlator {
    static final Duration WINDOW = Duration.ofHours(24);
    static final String KIND = "compromise-and-blinding";
    /** How far back signals are considered: GuardDuty keeps findings 90 days. */
    private static final Duration LOOKBACK = Duration.ofDays(90);

    private final EntityManager em;
    private final Outbox outbox;

    Correlator(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    void correlate(UUID awsAccountId, Instant now) {
        List<Finding> signals = em.createQuery("""
                        from Finding where awsAccountId = :account and status = :open and origin <> :check
                          and occurredAt >= :since order by occurredAt""", Finding.class)
                .setParameter("account", awsAccountId).setParameter("open", FindingStatus.OPEN)
                .setParameter("check", Origin.CHECK).setParameter("since", now.minus(LOOKBACK))
                .setMaxResults(2_000).getResultList();
        List<Finding> compromise = signals.stream().filter(Correlator::isCompromise).toList();
        List<Finding> blinding = signals.stream().filter(Correlator::isBlinding).toList();
        Set<Finding> members = new LinkedHashSet<>();
        for (Finding c : compromise) {
            for (Finding b : blinding) {
                if (Duration.between(c.occurredAt, b.occurredAt).abs().compareTo(WINDOW) <= 0) {
                    members.add(c);
                    members.add(b);
                }
            }
        }
        if (members.isEmpty()) {
            return;
        }
        Incident incident = em.createQuery("from Incident where awsAccountId = :account and kind = :kind and status = :open",
                        Incident.class)
                .setParameter("account", awsAccountId).setParameter("kind", KIND).setParameter("open", Incident.Status.OPEN)
                .getResultStream().findFirst().orElse(null);
        List<Finding> added = members.stream().filter(f -> f.incidentId == null).toList();
        if (added.isEmpty()) {
            return;
        }
        boolean created = incident == null;
        if (created) {
            Finding first = members.stream().min(Comparator.comparing(f -> f.occurredAt)).orElseThrow();
            incident = new Incident();
            incident.id = UUID.randomUUID();
            incident.awsAccountId = awsAccountId;
            incident.accountId = first.accountId;
            incident.kind = KIND;
            incident.severity = Severity.CRITICAL;
            incident.title = "Possible takeover of account " + first.accountId
                    + ": a compromise signal and the watcher blinded or recovery destroyed within 24 hours";
            incident.status = Incident.Status.OPEN;
            incident.firstEventAt = first.occurredAt;
            incident.lastEventAt = first.occurredAt;
        }
        for (Finding f : added) {
            f.incidentId = incident.id;
            incident.firstEventAt = min(incident.firstEventAt, f.occurredAt);
            incident.lastEventAt = max(incident.lastEventAt, f.occurredAt);
        }
        incident.updatedAt = now;
        if (created) {
            em.persist(incident);
        }
        outbox.emit(Topics.INCIDENTS, incident.accountId, created ? "incident.created" : "incident.updated",
                incident.accountId, null, Map.of("incidentId", incident.id, "kind", KIND, "severity", incident.severity.name(),
                        "title", incident.title, "firstEventAt", incident.firstEventAt.toString(),
                        "lastEventAt", incident.lastEventAt.toString(),
                        "addedFindingIds", added.stream().map(f -> f.id.toString()).toList()));
    }

    static boolean isCompromise(Finding f) {
        return switch (f.origin) {
            case GUARDDUTY -> f.severity.isAtLeast(Severity.HIGH);
            case TRAIL_EVENT -> hasKind(f, EventKind.ROOT_ACTIVITY) || hasKind(f, EventKind.CONSOLE_LOGIN_WITHOUT_MFA);
            case CHECK -> false;
        };
    }

    static boolean isBlinding(Finding f) {
        return f.origin == Origin.TRAIL_EVENT && (hasKind(f, EventKind.DEFENCE_EVASION) || hasKind(f, EventKind.DESTRUCTION));
    }

    /** Trail-event findings carry their kind in the check id, {@code <kind>:<event name>} (see {@link Observations}). */
    private static boolean hasKind(Finding f, EventKind kind) {
        return f.checkId.startsWith(kind.name() + ":");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
