package io.cloudward.alerts;

import io.cloudward.api.ListParams;
import io.cloudward.api.Page;
import io.cloudward.api.ProblemException;
import io.cloudward.integrations.Destination;
import io.cloudward.integrations.Tickets;
import io.cloudward.tenancy.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's side of deliveries: the per-destination attempt log, dead letters, replay and "send test". */
@ApplicationScoped
public class DeliveryLog {

    public record AttemptView(long id, UUID deliveryId, String deliveryKind, String eventType, Instant attemptedAt,
                              String outcome, Integer httpStatus, int latencyMs, String responseExcerpt) {
    }

    public record DeadLetter(UUID id, UUID destinationId, String destinationName, String kind, UUID eventId, String eventType,
                             String accountId, int attempts, String lastError, Instant createdAt, Instant deadAt) {
    }

    /** What "send test" answers at once. */
    public record TestResult(UUID deliveryId, String outcome, Integer httpStatus, long latencyMs, String responseExcerpt) {
    }

    private static final Tickets NO_TICKETS = new Tickets() {
        @Override
        public Optional<Ticket> find(String key) {
            return Optional.empty();
        }

        @Override
        public void save(Ticket ticket) {
            // a test opens no ticket
        }
    };

    private final EntityManager em;
    private final Deliverer deliverer;
    private final AuditLog audit;

    public DeliveryLog(EntityManager em, Deliverer deliverer, AuditLog audit) {
        this.em = em;
        this.deliverer = deliverer;
        this.audit = audit;
    }

    public Page<AttemptView> attempts(UUID destinationId, String cursor, int limit) {
        Long after = ListParams.cursor(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.id, a.delivery_id, d.kind, d.event_type, a.attempted_at, a.outcome, a.http_status, a.latency_ms,
                               a.response_excerpt
                        from delivery_attempt a join alert_delivery d on d.id = a.delivery_id
                        where a.destination_id = ?1 and a.id < ?2 order by a.id desc limit ?3""")
                .setParameter(1, destinationId).setParameter(2, after == null ? Long.MAX_VALUE : after)
                .setParameter(3, limit + 1).getResultList();
        List<AttemptView> items = rows.stream().limit(limit).map(r -> new AttemptView(((Number) r[0]).longValue(), (UUID) r[1],
                (String) r[2], (String) r[3], AlertRouter.instant(r[4]), (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                ((Number) r[7]).intValue(), (String) r[8])).toList();
        return new Page<>(items, rows.size() > limit ? ListParams.encodeCursor(items.getLast().id()) : null);
    }

    public Page<DeadLetter> deadLetters(UUID destinationId, String cursor, int limit) {
        Long after = ListParams.cursor(cursor);
        @SuppressWarnings("unchecked")
        var query = em.createNativeQuery("""
                        select d.id, d.destination_id, t.name, d.kind, d.event_id, d.event_type, d.account_id, d.attempts,
                               d.last_error, d.created_at, d.dead_at, d.seq
                        from alert_delivery d join alert_destination t on t.id = d.destination_id
                        where d.status = 'DEAD' and d.seq < ?1""" + (destinationId == null ? "" : " and d.destination_id = ?3")
                        + " order by d.seq desc limit ?2")
                .setParameter(1, after == null ? Long.MAX_VALUE : after).setParameter(2, limit + 1);
        if (destinationId != null) {
            query.setParameter(3, destinationId);
        }
        List<Object[]> rows = query.getResultList();
        List<Object[]> page = rows.stream().limit(limit).toList();
        List<DeadLetter> items = page.stream().map(r -> new DeadLetter((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (UUID) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8],
                AlertRouter.instant(r[9]), AlertRouter.instant(r[10]))).toList();
        return new Page<>(items, rows.size() > limit ? ListParams.encodeCursor(((Number) page.getLast()[11]).longValue()) : null);
    }

    /** A dead letter back in the queue, with a fresh set of attempts. */
    @Transactional
    public void replay(UUID deliveryId) {
        int moved = em.createNativeQuery("""
                        update alert_delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), dead_at = null,
                               lease_until = null
                        where id = ?1 and status = 'DEAD'""").setParameter(1, deliveryId).executeUpdate();
        if (moved == 0) {
            throw ProblemException.notFound("The dead letter");
        }
        audit.describe("delivery", deliveryId, Map.of("replayed", true));
    }

    /** Sends a test message now and logs it like any delivery. */
    @Transactional
    public TestResult sendTest(Destination d) {
        UUID id = UUID.randomUUID();
        String payload = "{\"test\":true,\"destination\":{\"id\":\"" + d.id + "\"}}";
        Instant now = Instant.now();
        Attempt a = deliverer.attempt(new DeliveryStore.DestinationRow(d.id, d.tenantId, d.name, d.kind, d.settings, d.secrets,
                d.timeoutSeconds, true), id, "TEST", payload, null, 0, now, NO_TICKETS);
        String status = a.outcome() == Attempt.Outcome.DELIVERED ? "DELIVERED" : "DEAD";
        em.createNativeQuery("""
                        insert into alert_delivery (id, tenant_id, destination_id, kind, payload, status, attempts, delivered_at,
                                                    dead_at, last_error)
                        values (?1, ?2, ?3, 'TEST', cast(?4 as jsonb), ?5, 1, ?6, ?7, ?8)""")
                .setParameter(1, id).setParameter(2, d.tenantId).setParameter(3, d.id).setParameter(4, payload)
                .setParameter(5, status).setParameter(6, status.equals("DELIVERED") ? now : null)
                .setParameter(7, status.equals("DEAD") ? now : null)
                .setParameter(8, status.equals("DEAD") ? a.excerpt() == null ? a.outcome().name() : a.excerpt().substring(0, Math.min(500, a.excerpt().length())) : null)
                .executeUpdate();
        em.createNativeQuery("""
                        insert into delivery_attempt (tenant_id, delivery_id, destination_id, outcome, http_status, latency_ms, response_excerpt)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, d.tenantId).setParameter(2, id).setParameter(3, d.id).setParameter(4, a.outcome().name())
                .setParameter(5, a.httpStatus()).setParameter(6, (int) a.latencyMs()).setParameter(7, a.excerpt()).executeUpdate();
        audit.describe("destination", d.id, Map.of("test", a.outcome().name()));
        return new TestResult(id, a.outcome().name(), a.httpStatus(), a.latencyMs(), a.excerpt());
    }
}
