package io.cloudward.collect;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cross-tenant side of runs, on the platform connection (row security would hide other tenants' runs):
 * creating due runs from the schedules, claiming runs with an expiring lease ({@code FOR UPDATE SKIP LOCKED},
 * so instances never claim the same run), renewing leases, and failing runs that went on too long. Every
 * statement is one atomic SQL statement: no state lives in an instance.
 */
@ApplicationScoped
public class RunLeases {

    /** What a heartbeat learnt. */
    public enum Lease { HELD, CANCEL_REQUESTED, LOST }

    private static final String COLLECTABLE = "('CONNECTED', 'DEGRADED', 'FAILING')";

    private final AgroalDataSource platform;

    public RunLeases(@DataSource("platform") AgroalDataSource platform) {
        this.platform = platform;
    }

    /**
     * Gives every collectable account its schedules (due now when new), then queues a run for each due
     * account × family and moves its next due time on by its interval (account's, else tenant's, else the
     * default). Idempotent: the unique index allows one active run per account × family, and an account with
     * an active run of everything gets no second one.
     */
    public int createDueRuns(Duration threatsDefault, Duration postureDefault) {
        update("""
                insert into scan_schedule (tenant_id, aws_account_id, family, next_due_at)
                select a.tenant_id, a.id, f.family, now()
                from aws_account a cross join (values ('THREATS'), ('POSTURE')) f (family)
                where a.status in %s
                  and not exists (select 1 from scan_schedule s where s.aws_account_id = a.id and s.family = f.family)
                on conflict do nothing""".formatted(COLLECTABLE), ps -> { });
        return update("""
                with due as (
                    select s.tenant_id, s.aws_account_id, s.family, a.account_id,
                           coalesce(s.interval_seconds, d.interval_seconds,
                                    case s.family when 'THREATS' then ? else ? end) as every
                    from scan_schedule s
                    join aws_account a on a.id = s.aws_account_id
                    left join scan_schedule_default d on d.tenant_id = s.tenant_id and d.family = s.family
                    where s.next_due_at <= now() and a.status in %s
                    for update of s skip locked
                ), moved as (
                    update scan_schedule s set next_due_at = now() + make_interval(secs => due.every)
                    from due where s.aws_account_id = due.aws_account_id and s.family = due.family
                )
                insert into scan_run (id, tenant_id, aws_account_id, account_id, family, trigger, status)
                select gen_random_uuid(), due.tenant_id, due.aws_account_id, due.account_id, due.family, 'SCHEDULE', 'QUEUED'
                from due
                where not exists (select 1 from scan_run r where r.aws_account_id = due.aws_account_id
                                  and r.family = 'ALL' and r.status in ('QUEUED', 'RUNNING'))
                on conflict do nothing""".formatted(COLLECTABLE), ps -> {
            ps.setLong(1, threatsDefault.toSeconds());
            ps.setLong(2, postureDefault.toSeconds());
        });
    }

    /**
     * Claims up to {@code max} runs, oldest first: queued ones, and running ones whose lease expired (their
     * instance died). A run whose account is already being collected under a live lease waits its turn.
     */
    public List<RunClaim> claim(String owner, Duration lease, int max) {
        if (max <= 0) {
            return List.of();
        }
        String sql = """
                with next as (
                    select r.id from scan_run r
                    where (r.status = 'QUEUED' or (r.status = 'RUNNING' and r.lease_until < now()))
                      and not r.cancel_requested
                      and not exists (select 1 from scan_run o where o.aws_account_id = r.aws_account_id
                                      and o.status = 'RUNNING' and o.lease_until >= now() and o.id <> r.id)
                    order by r.created_at
                    limit ?
                    for update of r skip locked
                )
                update scan_run r set status = 'RUNNING', lease_owner = ?, lease_until = now() + make_interval(secs => ?),
                       heartbeat_at = now(), started_at = coalesce(r.started_at, now()), attempts = r.attempts + 1
                from next where r.id = next.id
                returning r.id, r.tenant_id, r.aws_account_id, r.account_id, r.family, r.attempts""";
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, max);
            ps.setString(2, owner);
            ps.setDouble(3, lease.toMillis() / 1000.0);
            List<RunClaim> claims = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claims.add(new RunClaim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), RunFamily.valueOf(rs.getString(5)),
                            rs.getInt(6), owner));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("claiming runs failed", e);
        }
    }

    /** Renews the lease; LOST when another instance took the run over or it was failed meanwhile. */
    public Lease heartbeat(RunClaim claim, Duration lease) {
        String sql = """
                update scan_run set lease_until = now() + make_interval(secs => ?), heartbeat_at = now()
                where id = ? and lease_owner = ? and status = 'RUNNING'
                returning cancel_requested""";
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDouble(1, lease.toMillis() / 1000.0);
            ps.setObject(2, claim.runId());
            ps.setString(3, claim.owner());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Lease.LOST;
                }
                return rs.getBoolean(1) ? Lease.CANCEL_REQUESTED : Lease.HELD;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("renewing the lease of run " + claim.runId() + " failed", e);
        }
    }

    /**
     * No run stays running forever: fails runs past the hard limit and runs whose instances died too often,
     * and ends cancelled runs whose instance died before it could.
     */
    public int expire(Duration maxRunDuration, int maxAttempts) {
        int failed = update("""
                update scan_run set status = 'FAILED', finished_at = now(), lease_owner = null, lease_until = null,
                       error = case when started_at < now() - make_interval(secs => ?)
                                    then 'The run exceeded its time limit and was stopped.'
                                    else 'The instances running it stopped ' || attempts || ' times; giving up.' end
                where status = 'RUNNING' and not cancel_requested
                  and (started_at < now() - make_interval(secs => ?) or (lease_until < now() and attempts >= ?))""", ps -> {
            ps.setLong(1, maxRunDuration.toSeconds());
            ps.setLong(2, maxRunDuration.toSeconds());
            ps.setInt(3, maxAttempts);
        });
        return failed + update("""
                update scan_run set status = 'CANCELLED', finished_at = now(), lease_owner = null, lease_until = null
                where status = 'RUNNING' and cancel_requested and lease_until < now()""", ps -> { });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("run lease statement failed", e);
        }
    }
}
