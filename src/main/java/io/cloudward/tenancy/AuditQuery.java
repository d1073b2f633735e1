package io.cloudward.tenancy;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the current tenant's audit log, newest first, filtered, by keyset (cursor = last seq seen). */
@ApplicationScoped
public class AuditQuery {

    public record Filter(String actor, String action, String outcome, Instant from, Instant to) {
    }

    private final EntityManager em;

    public AuditQuery(EntityManager em) {
        this.em = em;
    }

    public List<AuditEvent> page(Filter filter, Long before, int limit) {
        return typed(filter, before).setMaxResults(limit).getResultList();
    }

    /** Streams every matching entry (constant memory) for exports. */
    public Stream<AuditEvent> stream(Filter filter) {
        return typed(filter, null).setHint("org.hibernate.fetchSize", 500).getResultStream();
    }

    private jakarta.persistence.TypedQuery<AuditEvent> typed(Filter filter, Long before) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (before != null) {
            where.add("seq < :before");
            params.and("before", before);
        }
        if (filter.actor() != null) {
            where.add("lower(actor) like :actor");
            params.and("actor", "%" + filter.actor().toLowerCase() + "%");
        }
        if (filter.action() != null) {
            where.add("action like :action");
            params.and("action", filter.action().replace('*', '%'));
        }
        if (filter.outcome() != null) {
            where.add("outcome = :outcome");
            params.and("outcome", filter.outcome());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.and("to", filter.to());
        }
        String jpql = "from AuditEvent" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by seq desc";
        var query = em.createQuery(jpql, AuditEvent.class);
        params.map().forEach(query::setParameter);
        return query;
    }
}
