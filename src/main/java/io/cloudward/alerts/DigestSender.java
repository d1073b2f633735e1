package io.cloudward.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.cloudward.integrations.Destination;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns digest periods that have ended into one summary delivery per destination of the rule. Any
 * instance may run it: claiming a period (setting {@code sent_at}) is a conditional update, so each is
 * sent once.
 */
@ApplicationScoped
public class DigestSender {
    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    private record Due(UUID tenantId, UUID ruleId, Instant periodStart) {
    }

    private final AgroalDataSource platform;
    private final TenantRunner runner;
    private final EntityManager em;
    private final AlertRules rules;
    private final Destinations destinations;
    private final ObjectMapper json;

    public DigestSender(@DataSource("platform") AgroalDataSource platform, TenantRunner runner, EntityManager em,
                        AlertRules rules, Destinations destinations, ObjectMapper json) {
        this.platform = platform;
        this.runner = runner;
        this.em = em;
        this.rules = rules;
        this.destinations = destinations;
        this.json = json;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendEnded() {
        try {
            for (Due due : due()) {
                runner.run(TenantRunner.system(due.tenantId(), "alerts-digest"), () -> send(due));
            }
        } catch (Exception e) {
            LOG.warnf("alerts: digests not sent this round: %s", e.toString());
        }
    }

    private List<Due> due() throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                select tenant_id, rule_id, period_start from alert_digest where sent_at is null and period_end <= now()
                order by period_end limit 200""")) {
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant()));
                }
            }
            return due;
        }
    }

    private void send(Due due) {
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        update alert_digest set sent_at = now() where rule_id = ?1 and period_start = ?2 and sent_at is null
                        returning period_start, period_end, events, by_type::text, samples::text""")
                .setParameter(1, due.ruleId()).setParameter(2, due.periodStart()).getResultList();
        if (claimed.isEmpty()) {
            return;
        }
        AlertRule rule = rules.find(due.ruleId()).orElse(null);
        if (rule == null) {
            return;
        }
        AlertAction action = rules.action(rule);
        Object[] row = claimed.getFirst();
        ObjectNode payload = json.createObjectNode();
        payload.putObject("rule").put("id", rule.id.toString()).put("name", rule.name);
        ObjectNode digest = payload.putObject("digest");
        digest.put("period", action.digest() == null ? "DIGEST" : action.digest().name());
        digest.put("from", AlertRouter.instant(row[0]).toString());
        digest.put("to", AlertRouter.instant(row[1]).toString());
        digest.put("events", ((Number) row[2]).intValue());
        try {
            digest.set("byType", json.readTree((String) row[3]));
            digest.set("samples", json.readTree((String) row[4]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Destination d : destinations.list("enabled", true)) {
            if (d.kind.ticketing() || !(action.allDestinations() || action.destinationIds().contains(d.id))) {
                continue;
            }
            em.createNativeQuery("""
                            insert into alert_delivery (id, tenant_id, destination_id, rule_id, kind, payload)
                            values (?1, ?2, ?3, ?4, 'DIGEST', cast(?5 as jsonb))""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, d.tenantId).setParameter(3, d.id)
                    .setParameter(4, rule.id).setParameter(5, payload.toString()).executeUpdate();
        }
    }
}
