package io.cloudward.alerts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Keeps the alert tables bounded: processed event ids are needed only while Kafka may still redeliver
 * the event (its retention is 7 days by default; 14 kept), delivered messages and the attempt log for 30
 * days. Dead letters stay until replayed or their destination is deleted.
 */
@ApplicationScoped
public class AlertsHousekeeping {
    private static final Logger LOG = Logger.getLogger(AlertsHousekeeping.class);

    private final AgroalDataSource platform;

    public AlertsHousekeeping(@DataSource("platform") AgroalDataSource platform) {
        this.platform = platform;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try (Connection c = platform.getConnection(); Statement s = c.createStatement()) {
            int events = s.executeUpdate("delete from processed_event where processed_at < now() - interval '14 days'");
            int attempts = s.executeUpdate("delete from delivery_attempt where attempted_at < now() - interval '30 days'");
            int deliveries = s.executeUpdate("""
                    delete from alert_delivery where status = 'DELIVERED' and delivered_at < now() - interval '30 days'""");
            int digests = s.executeUpdate("delete from alert_digest where sent_at < now() - interval '30 days'");
            LOG.debugf("alerts housekeeping: %d processed ids, %d attempts, %d deliveries, %d digests removed",
                    events, attempts, deliveries, digests);
        } catch (Exception e) {
            LOG.warnf("alerts housekeeping failed: %s", e.toString());
        }
    }
}
