package io.cloudward.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.checks.Category;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The current tenant's daily score snapshots: today's upserted as often as scores are computed, the trend read back. */
@ApplicationScoped
public class ScoreSnapshots {

    private final EntityManager em;
    private final TenantContext tenant;
    private final ObjectMapper json;

    public ScoreSnapshots(EntityManager em, TenantContext tenant, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.json = json;
    }

    /**
     * Writes the day's snapshot of an account, or of the tenant when {@code awsAccountId} is null. One statement
     * ({@code insert … on conflict do update}): instances recording the same day at once leave one row, the last score.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(LocalDate day, UUID awsAccountId, double overall, Map<Category, Double> categories, boolean capped,
                       CheckTally checks) {
        Map<String, Integer> bySlug = new LinkedHashMap<>();
        categories.forEach((c, score) -> bySlug.put(c.slug(), (int) Math.round(score)));
        boolean data = checks.withData() > 0;
        em.createNativeQuery("""
                        insert into score_snapshot (tenant_id, aws_account_id, day, overall, categories, capped,
                                                    checks_passed, checks_with_data)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8)
                        on conflict on constraint score_snapshot_day do update set
                            overall = excluded.overall, categories = excluded.categories, capped = excluded.capped,
                            checks_passed = excluded.checks_passed, checks_with_data = excluded.checks_with_data,
                            updated_at = now()""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, tenant.require().tenantId(), UUID.class)
                .setParameter(2, awsAccountId, UUID.class)
                .setParameter(3, day, LocalDate.class)
                .setParameter(4, (int) Math.round(overall), Integer.class)
                .setParameter(5, toJson(bySlug), String.class)
                .setParameter(6, capped, Boolean.class)
                .setParameter(7, data ? checks.passed() : null, Integer.class)
                .setParameter(8, data ? checks.withData() : null, Integer.class)
                .executeUpdate();
    }

    /** Snapshots since {@code from}, oldest first: of one account, or the tenant's own when {@code awsAccountId} is null. */
    public List<ScoreSnapshot> since(UUID awsAccountId, LocalDate from) {
        String account = awsAccountId == null ? "s.awsAccountId is null" : "s.awsAccountId = :account";
        var query = em.createQuery("from ScoreSnapshot s where " + account + " and s.day >= :from order by s.day", ScoreSnapshot.class)
                .setParameter("from", from);
        if (awsAccountId != null) {
            query.setParameter("account", awsAccountId);
        }
        return query.getResultList();
    }

    /** Every account's snapshot score of one day (the tenant's own excluded), by account. */
    public Map<UUID, Integer> accountsOn(LocalDate day) {
        Map<UUID, Integer> scores = new java.util.HashMap<>();
        em.createQuery("select s.awsAccountId, s.overall from ScoreSnapshot s where s.awsAccountId is not null and s.day = :day",
                        Object[].class).setParameter("day", day).getResultStream()
                .forEach(r -> scores.put((UUID) r[0], (Integer) r[1]));
        return scores;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
