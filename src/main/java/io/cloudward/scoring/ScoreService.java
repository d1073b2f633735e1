package io.cloudward.scoring;

import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.checks.Category;
import io.cloudward.tenancy.TenantRunner;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scores of the current tenant (computed on read from the open findings: never stale), their daily snapshots
 * and the announcement of big changes. Days are UTC days.
 */
@ApplicationScoped
public class ScoreService {

    public record AccountEntry(UUID id, String accountId, String name, AccountScore score) {
    }

    /** The tenant's score and its accounts, worst first. */
    public record Overview(TenantScore tenant, List<AccountEntry> accounts) {
    }

    /** One account's score with its top fixes; {@code located} gives region and resource of each costed finding. */
    public record Explained(AccountEntry account, List<AccountScore.Fix> topFixes, Map<String, ScoreInputs.Located> located) {
    }

    /** What one {@link #recordSnapshots} did. */
    public record Recorded(LocalDate day, int accountSnapshots, boolean tenantSnapshot, int changeEvents) {
    }

    private final ScoreModel model = new ScoreModel(ScoreWeights.load());
    private final AwsAccounts accounts;
    private final ScoreInputs inputs;
    private final ScoreSnapshots snapshots;
    private final ScoreChangeNotifier notifier;
    private final TenantRunner runner;

    public ScoreService(AwsAccounts accounts, ScoreInputs inputs, ScoreSnapshots snapshots, ScoreChangeNotifier notifier,
                        TenantRunner runner) {
        this.accounts = accounts;
        this.inputs = inputs;
        this.snapshots = snapshots;
        this.notifier = notifier;
        this.runner = runner;
    }

    /** Every connected (not removed) account's score and the tenant's. */
    public Overview current() {
        List<AwsAccount> active = accounts.active();
        Map<UUID, AccountInput> in = inputs.allAccounts(active.stream().map(a -> a.id).collect(Collectors.toSet()));
        List<AccountEntry> entries = active.stream()
                .map(a -> new AccountEntry(a.id, a.accountId, a.name, model.score(in.get(a.id))))
                .sorted(Comparator.comparingDouble((AccountEntry e) -> e.score().overall()).thenComparing(AccountEntry::name))
                .toList();
        return new Overview(model.tenant(entries.stream().map(AccountEntry::score).toList()), entries);
    }

    /** One account of the current tenant, explained; empty when the tenant has no such account. */
    public Optional<Explained> account(UUID awsAccountId) {
        return accounts.findByIdOptional(awsAccountId).map(a -> {
            Map<String, ScoreInputs.Located> located = new HashMap<>();
            AccountInput input = inputs.account(a.id, located);
            return new Explained(new AccountEntry(a.id, a.accountId, a.name, model.score(input)), model.topFixes(input), located);
        });
    }

    /**
     * The last {@code days} days of snapshots (today included), oldest first: of one account of the current tenant,
     * or the tenant's own when {@code awsAccountId} is null. Empty when the tenant has no such account.
     */
    public Optional<List<ScoreSnapshot>> trend(UUID awsAccountId, int days) {
        if (awsAccountId != null && accounts.findByIdOptional(awsAccountId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(snapshots.since(awsAccountId, today().minusDays(days - 1L)));
    }

    /** Yesterday's (UTC) snapshot score of every account that has one: "change since yesterday". */
    public Map<UUID, Integer> yesterday() {
        return snapshots.accountsOn(today().minusDays(1));
    }

    /**
     * Upserts today's snapshot of every account of the tenant and of the tenant itself, and announces big changes,
     * in one transaction of its own. Idempotent and safe on several instances at once.
     */
    public Recorded recordSnapshots(UUID tenantId) {
        return runner.call(TenantRunner.system(tenantId, "scores"), () -> {
            LocalDate day = today();
            Overview overview = current();
            int events = 0;
            for (AccountEntry entry : overview.accounts()) {
                AccountScore s = entry.score();
                snapshots.record(day, entry.id(), s.overall(), categories(s), s.capped(), s.checks());
                events += notifier.compare(entry, day) ? 1 : 0;
            }
            TenantScore tenant = overview.tenant();
            if (tenant.overall() != null) {
                snapshots.record(day, null, tenant.overall(), tenant.categories(), tenant.compromisedAccounts() > 0, tenant.checks());
            }
            return new Recorded(day, overview.accounts().size(), tenant.overall() != null, events);
        });
    }

    /** For the collection engine once a run of the tenant has finished: the new findings show in the trend at once. */
    public Recorded afterRun(UUID tenantId) {
        return recordSnapshots(tenantId);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static Map<Category, Double> categories(AccountScore score) {
        Map<Category, Double> byCategory = new EnumMap<>(Category.class);
        score.categories().forEach(c -> byCategory.put(c.category(), c.score()));
        return byCategory;
    }
}
