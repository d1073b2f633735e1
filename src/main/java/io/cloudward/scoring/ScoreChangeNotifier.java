package io.cloudward.scoring;

import io.cloudward.events.Outbox;
import io.cloudward.events.Topics;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces an account's score change of at least {@link ScoreConfig#changeThreshold()} points as a
 * {@code score.changed} event on {@link Topics#SCORES}. The change is measured from the last announced score
 * (the baseline, V7), not from yesterday, so a slow slide is announced once it adds up, and the same change is
 * never announced twice: the baseline row is locked while it is compared and moved in the event's transaction.
 * An account's first score only sets the baseline.
 */
@ApplicationScoped
public class ScoreChangeNotifier {
    public static final String TYPE = "score.changed";

    /** The event's data. */
    public record ScoreChanged(UUID awsAccountId, String accountName, int previous, int current, int change,
                               boolean capped, List<String> capReasons, Map<String, Integer> categories, LocalDate day) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final Outbox outbox;
    private final ScoreConfig config;

    public ScoreChangeNotifier(EntityManager em, TenantContext tenant, Outbox outbox, ScoreConfig config) {
        this.em = em;
        this.tenant = tenant;
        this.outbox = outbox;
        this.config = config;
    }

    /** @return true when an event was emitted */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean compare(ScoreService.AccountEntry account, LocalDate day) {
        UUID tenantId = tenant.require().tenantId();
        int current = (int) Math.round(account.score().overall());
        int inserted = em.createNativeQuery("""
                        insert into score_baseline (tenant_id, aws_account_id, overall) values (?1, ?2, ?3)
                        on conflict (tenant_id, aws_account_id) do nothing""")
                .setParameter(1, tenantId).setParameter(2, account.id()).setParameter(3, current).executeUpdate();
        if (inserted == 1) {
            return false;
        }
        int previous = ((Number) em.createNativeQuery(
                        "select overall from score_baseline where tenant_id = ?1 and aws_account_id = ?2 for update")
                .setParameter(1, tenantId).setParameter(2, account.id()).getSingleResult()).intValue();
        if (Math.abs(current - previous) < config.changeThreshold()) {
            return false;
        }
        em.createNativeQuery("""
                        update score_baseline set overall = ?3, updated_at = now()
                        where tenant_id = ?1 and aws_account_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, account.id()).setParameter(3, current).executeUpdate();
        Map<String, Integer> categories = new LinkedHashMap<>();
        account.score().categories().forEach(c -> categories.put(c.category().slug(), (int) Math.round(c.score())));
        AccountScore.Cap cap = account.score().cap();
        outbox.emit(Topics.SCORES, account.accountId(), TYPE, account.accountId(), null, new ScoreChanged(account.id(),
                account.name(), previous, current, current - previous, cap != null, cap == null ? List.of() : cap.reasons(),
                categories, day));
        return true;
    }
}
