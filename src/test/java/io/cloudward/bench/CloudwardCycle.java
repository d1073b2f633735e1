package io.cloudward.bench;

import io.cloudward.aws.AccountClients;
import io.cloudward.aws.AwsRuntime;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckRegistry;
import io.cloudward.collect.AccountSummaries;
import io.cloudward.collect.CollectTarget;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceCollectors;
import io.cloudward.collect.SourceOutcome;
import io.cloudward.collect.cloudtrail.TrailEventFacts;
import io.cloudward.collect.snapshot.AccountBackupPlans;
import io.cloudward.collect.snapshot.AccountConfigRecorders;
import io.cloudward.collect.snapshot.AccountGuardDuty;
import io.cloudward.collect.snapshot.AccountTrails;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Cloudward's side: what {@code RunExecutor} does per account and per region × source — the account's
 * clients over its cached STS session, the standard collectors with their rate limits and statuses, checks
 * streaming into a {@link CountingSink}, account summaries judged at the end — without the run bookkeeping
 * and the findings store in PostgreSQL.
 */
final class CloudwardCycle implements CollectionFanout.Cycle<CloudwardCycle.Account> {

    private final AwsRuntime runtime;
    private final List<String> regions;
    private final Clock clock;
    private final SourceCollectors collectors = SourceCollectors.standard();
    private final CheckRegistry checks = CheckRegistry.standard();
    final CountingSink.Totals totals = new CountingSink.Totals();
    final Map<SourceOutcome.Status, LongAdder> outcomes = new EnumMap<>(SourceOutcome.Status.class);
    /** Per source: calls and milliseconds spent, to see what dominates. */
    private final Map<Source, LongAdder[]> bySource = new EnumMap<>(Source.class);

    CloudwardCycle(AwsRuntime runtime, List<String> regions, Clock clock) {
        this.runtime = runtime;
        this.regions = regions;
        this.clock = clock;
        for (SourceOutcome.Status status : SourceOutcome.Status.values()) {
            outcomes.put(status, new LongAdder());
        }
        for (Source source : Source.values()) {
            bySource.put(source, new LongAdder[] {new LongAdder(), new LongAdder()});
        }
    }

    record Account(BenchAccount account, AccountClients clients, CheckContext context, AccountSummaries summaries,
                   ConcurrentLinkedQueue<Object> summaryFacts) {
    }

    @Override
    public Account begin(BenchAccount account) {
        runtime.sessions().current(account.role()); // RunExecutor assumes the role before planning
        ConcurrentLinkedQueue<Object> summaryFacts = new ConcurrentLinkedQueue<>();
        return new Account(account, runtime.account(account.role()),
                CheckContext.of(clock.instant(), account.accountId()).withUsedRegions(Set.copyOf(regions)),
                new AccountSummaries(new Keep(summaryFacts)), summaryFacts);
    }

    @Override
    public void collect(Account account, String region, Source source) {
        CountingSink sink = new CountingSink(checks, account.context(), account.summaries(), totals);
        SourceOutcome outcome = collectors.collector(source).collect(CollectTarget.of(account.clients(), region, clock), sink);
        sink.finish();
        account.summaries().outcome(outcome);
        outcomes.get(outcome.status()).increment();
        bySource.get(source)[0].add(outcome.apiCalls());
        bySource.get(source)[1].add(outcome.duration().toMillis());
    }

    /** Calls and collection time per source (time summed over concurrent collections). */
    String sourceSummary() {
        StringBuilder text = new StringBuilder();
        bySource.forEach((source, figures) -> text.append(text.isEmpty() ? "" : ", ").append(source).append(' ')
                .append(figures[0].sum()).append(" calls/").append(figures[1].sum() / 1000).append(" s"));
        return text.toString();
    }

    @Override
    public void end(Account account) {
        account.summaries().finish(regions);
        CountingSink sink = new CountingSink(checks, account.context(), null, totals);
        account.summaryFacts().forEach(sink::snapshot);
        sink.finish();
        account.clients().close();
    }

    String outcomeSummary() {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((status, count) -> {
            if (count.sum() > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(status).append(' ').append(count.sum());
            }
        });
        return text.toString();
    }

    private static final Set<Class<?>> SUMMARIES = Set.of(AccountGuardDuty.class, AccountTrails.class,
            AccountConfigRecorders.class, AccountBackupPlans.class);

    /** RunExecutor's SummaryFacts: keeps the account summaries, which are judged once every region is in. */
    private record Keep(ConcurrentLinkedQueue<Object> facts) implements FactSink {
        @Override
        public void snapshot(Object fact) {
            if (SUMMARIES.contains(fact.getClass())) {
                facts.add(fact);
            }
        }

        @Override
        public void guardDutyFinding(GuardDutyFindingFacts finding) {
        }

        @Override
        public void trailEvent(TrailEventFacts event) {
        }
    }
}
