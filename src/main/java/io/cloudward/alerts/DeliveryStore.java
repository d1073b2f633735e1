package io.cloudward.alerts;

import io.agroal.api.AgroalDataSource;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.Tickets;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery worker's table access. It works across tenants (any instance sends any tenant's due
 * deliveries), so it uses the platform connection, like the outbox publisher; every statement names the
 * tenant of the row it touches.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A delivery claimed for sending. */
    public record Claimed(UUID id, UUID tenantId, UUID destinationId, String kind, String payload, int extraCount,
                          int attempts, Instant createdAt, String ruleName) {
    }

    /** A destination's stored row (secrets still sealed). */
    public record DestinationRow(UUID id, UUID tenantId, String name, DestinationKind kind, String settings, String secrets,
                                 int timeoutSeconds, boolean enabled) {
    }

    private final AgroalDataSource platform;

    public DeliveryStore(@DataSource("platform") AgroalDataSource platform) {
        this.platform = platform;
    }

    /**
     * Claims due deliveries (pending and due, or sending with an expired lease) with skip locked, so
     * instances never claim the same row. A delivery waits while an earlier one of the same ticket at the
     * same destination is unsent: a resolve never overtakes its create.
     */
    public List<Claimed> claim(int batch, Duration lease) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                with due as (
                    select d.id from alert_delivery d
                    where ((d.status = 'PENDING' and d.next_attempt_at <= now()) or (d.status = 'SENDING' and d.lease_until < now()))
                      and (d.order_key is null or not exists (
                          select 1 from alert_delivery e
                          where e.destination_id = d.destination_id and e.order_key = d.order_key
                            and e.status in ('PENDING', 'SENDING') and e.seq < d.seq))
                    order by d.next_attempt_at, d.seq
                    limit ? for update skip locked)
                update alert_delivery d set status = 'SENDING', lease_until = now() + make_interval(secs => ?),
                       attempts = d.attempts + 1
                from due where d.id = due.id
                returning d.id, d.tenant_id, d.destination_id, d.kind, d.payload::text, d.extra_count, d.attempts,
                          d.created_at, (select r.name from alert_rule r where r.id = d.rule_id)""")) {
            s.setInt(1, batch);
            s.setDouble(2, lease.toMillis() / 1000.0);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
                            rs.getString(9)));
                }
            }
            return claimed;
        }
    }

    public Optional<DestinationRow> destination(UUID tenantId, UUID id) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                select name, kind, settings::text, secrets, timeout_seconds, enabled from alert_destination
                where tenant_id = ? and id = ?""")) {
            s.setObject(1, tenantId);
            s.setObject(2, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DestinationRow(id, tenantId, rs.getString(1), DestinationKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBoolean(6)));
            }
        }
    }

    /**
     * Logs the attempt and moves the delivery on: DELIVERED, back to PENDING at {@code retryAt}, or DEAD.
     */
    public void record(Claimed d, Attempt a, String status, Instant retryAt) throws SQLException {
        try (Connection c = platform.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement log = c.prepareStatement("""
                    insert into delivery_attempt (tenant_id, delivery_id, destination_id, outcome, http_status, latency_ms, response_excerpt)
                    values (?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement move = c.prepareStatement("""
                    update alert_delivery set status = ?, next_attempt_at = coalesce(?, next_attempt_at), lease_until = null,
                           last_error = ?, delivered_at = case when ? = 'DELIVERED' then now() end,
                           dead_at = case when ? = 'DEAD' then now() end
                    where id = ? and tenant_id = ?""")) {
                log.setObject(1, d.tenantId());
                log.setObject(2, d.id());
                log.setObject(3, d.destinationId());
                log.setString(4, a.outcome().name());
                log.setObject(5, a.httpStatus());
                log.setInt(6, (int) Math.min(Integer.MAX_VALUE, a.latencyMs()));
                log.setString(7, a.excerpt());
                log.executeUpdate();
                move.setString(1, status);
                move.setTimestamp(2, retryAt == null ? null : Timestamp.from(retryAt));
                move.setString(3, a.outcome() == Attempt.Outcome.DELIVERED ? null
                        : (a.httpStatus() == null ? "" : "HTTP " + a.httpStatus() + ": ") + truncate(a.excerpt(), 500));
                move.setString(4, status);
                move.setString(5, status);
                move.setObject(6, d.id());
                move.setObject(7, d.tenantId());
                move.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The ticket links of one destination. */
    public Tickets tickets(UUID tenantId, UUID destinationId) {
        return new Tickets() {
            @Override
            public Optional<Ticket> find(String key) {
                try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                        select external_id, external_ref, state from ticket_link
                        where tenant_id = ? and destination_id = ? and ticket_key = ?""")) {
                    s.setObject(1, tenantId);
                    s.setObject(2, destinationId);
                    s.setString(3, key);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? Optional.of(new Ticket(key, rs.getString(1), rs.getString(2), rs.getString(3).equals("OPEN")))
                                : Optional.empty();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void save(Ticket t) {
                try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                        insert into ticket_link (tenant_id, destination_id, ticket_key, external_id, external_ref, state)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (destination_id, ticket_key) do update set external_id = excluded.external_id,
                            external_ref = excluded.external_ref, state = excluded.state, updated_at = now()""")) {
                    s.setObject(1, tenantId);
                    s.setObject(2, destinationId);
                    s.setString(3, t.key());
                    s.setString(4, t.externalId());
                    s.setString(5, t.ref());
                    s.setString(6, t.open() ? "OPEN" : "RESOLVED");
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
