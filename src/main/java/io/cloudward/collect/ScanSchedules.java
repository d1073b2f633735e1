package io.cloudward.collect;

import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.ProblemException;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How often each source family is collected: Cloudward's defaults, the tenant's defaults over them, and an
 * account's own interval over those. A shorter interval takes effect at once (the next due time moves in).
 */
@ApplicationScoped
public class ScanSchedules {

    /** Shortest and longest interval a schedule may have, in minutes. */
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 7 * 24 * 60;

    /** One account × family: its own interval (null when it follows the tenant's), the effective one, next due. */
    public record AccountSchedule(UUID accountId, String awsAccountId, Source.Family family, Integer ownMinutes,
                                  int minutes, Instant nextDueAt) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final AwsAccounts accounts;
    private final CollectionConfig config;

    public ScanSchedules(EntityManager em, TenantContext tenant, AwsAccounts accounts, CollectionConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.accounts = accounts;
        this.config = config;
    }

    /** The tenant's interval per family, in minutes. */
    public Map<Source.Family, Integer> defaults() {
        Map<Source.Family, Integer> minutes = new EnumMap<>(Source.Family.class);
        minutes.put(Source.Family.THREATS, (int) config.threatsInterval().toMinutes());
        minutes.put(Source.Family.POSTURE, (int) config.postureInterval().toMinutes());
        for (Object row : em.createNativeQuery("select family, interval_seconds from scan_schedule_default").getResultList()) {
            Object[] cells = (Object[]) row;
            minutes.put(Source.Family.valueOf((String) cells[0]), ((Number) cells[1]).intValue() / 60);
        }
        return minutes;
    }

    public List<AccountSchedule> accounts() {
        Map<Source.Family, Integer> defaults = defaults();
        List<AccountSchedule> schedules = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                select s.aws_account_id, a.account_id, s.family, s.interval_seconds, s.next_due_at
                from scan_schedule s join aws_account a on a.id = s.aws_account_id
                order by a.name, a.account_id, s.family""").getResultList()) {
            Object[] c = (Object[]) row;
            Source.Family family = Source.Family.valueOf((String) c[2]);
            Integer own = c[3] == null ? null : ((Number) c[3]).intValue() / 60;
            schedules.add(new AccountSchedule((UUID) c[0], (String) c[1], family, own,
                    own == null ? defaults.get(family) : own, instant(c[4])));
        }
        return schedules;
    }

    @Transactional
    public void setDefaults(Map<Source.Family, Integer> minutes) {
        minutes.forEach((family, value) -> {
            int seconds = seconds(family, value);
            em.createNativeQuery("""
                            insert into scan_schedule_default (tenant_id, family, interval_seconds) values (?1, ?2, ?3)
                            on conflict (tenant_id, family) do update set interval_seconds = excluded.interval_seconds""")
                    .setParameter(1, tenant.require().tenantId()).setParameter(2, family.name()).setParameter(3, seconds)
                    .executeUpdate();
            em.createNativeQuery("""
                            update scan_schedule set next_due_at = least(next_due_at, now() + make_interval(secs => ?1))
                            where family = ?2 and interval_seconds is null""")
                    .setParameter(1, seconds).setParameter(2, family.name()).executeUpdate();
        });
    }

    /** Sets an account's own intervals; a null value makes that family follow the tenant's default again. */
    @Transactional
    public void setAccount(UUID awsAccountId, Map<Source.Family, Integer> minutes) {
        AwsAccount account = accounts.require(awsAccountId);
        minutes.forEach((family, value) -> {
            Integer seconds = value == null ? null : seconds(family, value);
            Duration every = Duration.ofSeconds(seconds != null ? seconds : defaults().get(family) * 60L);
            em.createNativeQuery("""
                            insert into scan_schedule (tenant_id, aws_account_id, family, interval_seconds, next_due_at)
                            values (?1, ?2, ?3, ?4, now() + make_interval(secs => ?5))
                            on conflict (aws_account_id, family) do update set interval_seconds = excluded.interval_seconds,
                                next_due_at = least(scan_schedule.next_due_at, excluded.next_due_at)""")
                    .setParameter(1, account.tenantId).setParameter(2, account.id).setParameter(3, family.name())
                    .setParameter(4, seconds).setParameter(5, every.toSeconds()).executeUpdate();
        });
    }

    private static int seconds(Source.Family family, Integer minutes) {
        String field = family.name().toLowerCase() + "Minutes";
        if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw ProblemException.invalid(field, field + " must be between " + MIN_MINUTES + " and " + MAX_MINUTES + ".");
        }
        return minutes * 60;
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
        };
    }
}
