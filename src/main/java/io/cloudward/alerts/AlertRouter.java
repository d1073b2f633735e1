package io.cloudward.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.integrations.Destination;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one event into deliveries, in the transaction that also marks the event processed, so a repeat
 * of the event (Kafka is at least once) changes nothing. Rules are evaluated in order; a destination gets
 * at most one message per event. Tickets follow their finding: a destination that holds a ticket for the
 * finding gets its later changes even if no rule matches them.
 */
@ApplicationScoped
public class AlertRouter {
    public static final String CONSUMER = "alerts";
    private static final Logger LOG = Logger.getLogger(AlertRouter.class);

    private final EntityManager em;
    private final TenantContext tenant;
    private final AlertRules rules;
    private final Destinations destinations;
    private final AccountNames accounts;
    private final ObjectMapper json;

    public AlertRouter(EntityManager em, TenantContext tenant, AlertRules rules, Destinations destinations,
                       AccountNames accounts, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.rules = rules;
        this.destinations = destinations;
        this.accounts = accounts;
        this.json = json;
    }

    /** @return the deliveries enqueued (0 for a repeat, or an event of a deleted tenant) */
    @Transactional(Transactional.TxType.MANDATORY)
    public int route(AlertEvent event) {
        return route(List.of(event));
    }

    /**
     * Routes events of the current tenant, in order, in the caller's transaction (the consumer hands over
     * a run of one tenant's events at once: rules and destinations are read once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int route(List<AlertEvent> events) {
        UUID tenantId = tenant.require().tenantId();
        if (((Number) em.createNativeQuery("select count(*) from tenant").getSingleResult()).intValue() == 0) {
            return 0;
        }
        List<Compiled> ordered = rules.ordered().stream().filter(r -> r.enabled)
                .map(r -> new Compiled(r, rules.match(r), rules.action(r))).toList();
        List<Destination> enabled = destinations.list("enabled", true);
        Map<String, String> names = null;
        int enqueued = 0;
        for (AlertEvent event : events) {
            int fresh = em.createNativeQuery("""
                            insert into processed_event (consumer, event_id, tenant_id) values (?1, ?2, ?3) on conflict do nothing""")
                    .setParameter(1, CONSUMER).setParameter(2, event.eventId()).setParameter(3, tenantId).executeUpdate();
            if (fresh == 0) {
                continue;
            }
            if (names == null && ordered.stream().anyMatch(c -> c.match().accountNamePattern() != null)) {
                names = accounts.names();
            }
            enqueued += routeOne(event, ordered, enabled, names);
        }
        LOG.debugf("alerts: %s events of tenant %s -> %s deliveries", (Object) events.size(), tenantId, (Object) enqueued);
        return enqueued;
    }

    /** A rule with its match and action read once per batch. */
    private record Compiled(AlertRule rule, AlertMatch match, AlertAction action) {
    }

    private int routeOne(AlertEvent event, List<Compiled> ordered, List<Destination> enabled, Map<String, String> names) {
        Set<UUID> sent = new HashSet<>();
        int enqueued = 0;
        for (Compiled compiled : ordered) {
            AlertRule rule = compiled.rule();
            AlertMatch match = compiled.match();
            if (!match.matches(event, names == null ? null : names.get(event.accountId()))) {
                continue;
            }
            AlertAction action = compiled.action();
            List<Destination> targets = enabled.stream()
                    .filter(d -> action.allDestinations() || action.destinationIds().contains(d.id)).toList();
            if (action.digest() != null) {
                if (targets.stream().anyMatch(d -> !d.kind.ticketing())) {
                    addToDigest(rule, action.digest(), event);
                }
                continue;
            }
            int extra = 0;
            if (action.throttleMinutes() > 0 && event.accountId() != null) {
                extra = throttle(rule, event.accountId(), action.throttleMinutes());
                if (extra < 0) {
                    continue;
                }
            }
            for (Destination d : targets) {
                if (sent.add(d.id)) {
                    enqueue(d, rule, "EVENT", event, extra);
                    enqueued++;
                }
            }
        }
        String key = event.ticketKey();
        if (key != null && enabled.stream().anyMatch(d -> d.kind.ticketing())) {
            @SuppressWarnings("unchecked")
            List<UUID> following = em.createNativeQuery("select destination_id from ticket_link where ticket_key = ?1")
                    .setParameter(1, key).getResultList();
            for (Destination d : enabled) {
                if (following.contains(d.id) && sent.add(d.id)) {
                    enqueue(d, null, "FOLLOW_UP", event, 0);
                    enqueued++;
                }
            }
        }
        return enqueued;
    }

    private void enqueue(Destination d, AlertRule rule, String kind, AlertEvent event, int extra) {
        ObjectNode payload = json.createObjectNode();
        if (rule != null) {
            payload.putObject("rule").put("id", rule.id.toString()).put("name", rule.name);
        } else {
            payload.putNull("rule");
        }
        payload.set("event", event.envelope());
        String key = event.ticketKey();
        em.createNativeQuery("""
                        insert into alert_delivery (id, tenant_id, destination_id, rule_id, kind, event_id, event_type,
                                                    account_id, order_key, payload, extra_count)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, cast(?10 as jsonb), ?11) on conflict do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, d.tenantId).setParameter(3, d.id)
                .setParameter(4, rule == null ? null : rule.id).setParameter(5, kind).setParameter(6, event.eventId())
                .setParameter(7, event.type()).setParameter(8, event.accountId()).setParameter(9, key)
                .setParameter(10, write(payload)).setParameter(11, extra).executeUpdate();
        if (d.kind.ticketing() && key != null && event.ticketStep() == AlertEvent.TicketStep.OPEN) {
            // Claim the ticket now, so the finding's next change follows it even before the create is sent.
            em.createNativeQuery("""
                            insert into ticket_link (tenant_id, destination_id, ticket_key, state) values (?1, ?2, ?3, 'OPEN')
                            on conflict do nothing""")
                    .setParameter(1, d.tenantId).setParameter(2, d.id).setParameter(3, key).executeUpdate();
        }
    }

    /** @return -1 when held back, else how many events were held back since the rule's last message for the account */
    private int throttle(AlertRule rule, String accountId, int minutes) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select window_until, held_back from alert_throttle where rule_id = ?1 and account_id = ?2 for update""")
                .setParameter(1, rule.id).setParameter(2, accountId).getResultList();
        Instant until = now.plus(minutes, ChronoUnit.MINUTES);
        if (rows.isEmpty()) {
            em.createNativeQuery("""
                            insert into alert_throttle (tenant_id, rule_id, account_id, window_until) values (?1, ?2, ?3, ?4)
                            on conflict do nothing""")
                    .setParameter(1, rule.tenantId).setParameter(2, rule.id).setParameter(3, accountId).setParameter(4, until)
                    .executeUpdate();
            return 0;
        }
        Instant windowEnd = instant(rows.getFirst()[0]);
        int heldBack = ((Number) rows.getFirst()[1]).intValue();
        if (windowEnd.isAfter(now)) {
            em.createNativeQuery("update alert_throttle set held_back = held_back + 1 where rule_id = ?1 and account_id = ?2")
                    .setParameter(1, rule.id).setParameter(2, accountId).executeUpdate();
            return -1;
        }
        em.createNativeQuery("update alert_throttle set held_back = 0, window_until = ?3 where rule_id = ?1 and account_id = ?2")
                .setParameter(1, rule.id).setParameter(2, accountId).setParameter(3, until).executeUpdate();
        return heldBack;
    }

    private void addToDigest(AlertRule rule, AlertAction.Digest digest, AlertEvent event) {
        Instant now = Instant.now();
        Instant start = now.truncatedTo(digest == AlertAction.Digest.HOURLY ? ChronoUnit.HOURS : ChronoUnit.DAYS);
        Instant end = start.plus(1, digest == AlertAction.Digest.HOURLY ? ChronoUnit.HOURS : ChronoUnit.DAYS);
        ObjectNode sample = json.createObjectNode().put("eventId", event.eventId().toString()).put("type", event.type())
                .put("accountId", event.accountId()).put("region", event.region()).put("severity", event.severity())
                .put("title", event.title());
        em.createNativeQuery("""
                        insert into alert_digest (tenant_id, rule_id, period_start, period_end, events, by_type, samples)
                        values (?1, ?2, ?3, ?4, 1, jsonb_build_object(?5, 1), jsonb_build_array(cast(?6 as jsonb)))
                        on conflict (rule_id, period_start) do update set events = alert_digest.events + 1,
                            by_type = alert_digest.by_type || jsonb_build_object(?5, coalesce((alert_digest.by_type ->> ?5)::int, 0) + 1),
                            samples = case when jsonb_array_length(alert_digest.samples) < 20
                                           then alert_digest.samples || jsonb_build_array(cast(?6 as jsonb))
                                           else alert_digest.samples end""")
                .setParameter(1, rule.tenantId).setParameter(2, rule.id).setParameter(3, start).setParameter(4, end)
                .setParameter(5, event.type()).setParameter(6, write(sample)).executeUpdate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }
}
