package io.cloudward.web;

import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.checks.CheckMetadata;
import io.cloudward.checks.MetadataCatalog;
import io.cloudward.checks.Severity;
import io.cloudward.collect.ScanRun;
import io.cloudward.collect.ScanRunSource;
import io.cloudward.collect.ScanService;
import io.cloudward.findings.FindingStats;
import io.cloudward.scoring.AccountScore;
import io.cloudward.scoring.ScoreService;
import io.cloudward.scoring.TenantScore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The first screen's answers: which account is worst and why, what changed overnight, what to fix first. A fixed
 * number of grouped queries (scores, counts, latest runs, changes), whatever the number of accounts.
 */
@ApplicationScoped
public class TenantOverview {
    static final int TREND_DAYS = 90;
    static final int TOP_FIXES = 5;
    static final int LATEST_CHANGES = 10;

    /**
     * One row of the accounts table.
     *
     * @param change score change since yesterday's snapshot; null without one
     */
    public record AccountRow(UUID id, String accountId, String name, AccountScore score, Integer change, long critical,
                             long high, long incidents, int guardDutyOn, int regions, RegionPosture.Health trail,
                             RegionPosture.Health backup, long unprotected, ScanRun lastScan) {
        public String changeLabel() {
            return change == null ? "—" : change > 0 ? "+" + change : change == 0 ? "±0" : "−" + Math.abs(change);
        }

        public String changeTone() {
            return change == null || change == 0 ? "" : change > 0 ? "ok" : "bad";
        }
    }

    /** Resolving every open finding of one check, summed over the accounts where it costs points. */
    public record TopFix(String checkId, String title, int findings, int accounts, double points) {
    }

    public record Overview(TenantScore tenant, TrendChart trend, List<AccountRow> accounts, FindingStats.Changes changes,
                           List<TopFix> fixes, long openCritical, long openHigh, long openIncidents) {
        public boolean empty() {
            return accounts.isEmpty();
        }
    }

    private final ScoreService scores;
    private final AwsAccounts awsAccounts;
    private final FindingStats stats;
    private final ScanService scans;
    private final Map<String, CheckMetadata> checks = MetadataCatalog.load().entries();

    public TenantOverview(ScoreService scores, AwsAccounts awsAccounts, FindingStats stats, ScanService scans) {
        this.scores = scores;
        this.awsAccounts = awsAccounts;
        this.stats = stats;
        this.scans = scans;
    }

    public Overview build() {
        ScoreService.Overview current = scores.current();
        Map<UUID, AwsAccount> accounts = awsAccounts.active().stream().collect(Collectors.toMap(a -> a.id, a -> a));
        Set<UUID> ids = accounts.keySet();
        Map<UUID, Integer> yesterday = scores.yesterday();
        Map<UUID, Map<Severity, Long>> severities = stats.openBySeverity(null);
        Map<UUID, Long> incidents = stats.openIncidents();
        Map<UUID, List<FindingStats.OpenCheck>> open = stats.openChecks(RegionPosture.CHECKS, null).stream()
                .collect(Collectors.groupingBy(FindingStats.OpenCheck::awsAccountId));
        Map<UUID, ScanRun> runs = scans.latestRuns(ids);
        List<ScanRunSource> sourceRows = scans.latestPostureSources(ids, RegionPosture.SOURCES);
        Map<UUID, UUID> runAccount = scans.accountsOfRuns(sourceRows.stream().map(s -> s.key.runId()).collect(Collectors.toSet()));
        Map<UUID, List<ScanRunSource>> sources = sourceRows.stream()
                .collect(Collectors.groupingBy(s -> runAccount.get(s.key.runId())));

        List<AccountRow> rows = current.accounts().stream().map(entry -> {
            AwsAccount account = accounts.get(entry.id());
            List<FindingStats.OpenCheck> checksOpen = open.getOrDefault(entry.id(), List.of());
            RegionPosture posture = RegionPosture.of(account == null ? List.of() : account.regions, checksOpen,
                    sources.getOrDefault(entry.id(), List.of()));
            Map<Severity, Long> bySeverity = severities.getOrDefault(entry.id(), Map.of());
            Integer before = yesterday.get(entry.id());
            return new AccountRow(entry.id(), entry.accountId(), entry.name(), entry.score(),
                    before == null ? null : (int) Math.round(entry.score().overall()) - before,
                    bySeverity.getOrDefault(Severity.CRITICAL, 0L), bySeverity.getOrDefault(Severity.HIGH, 0L),
                    incidents.getOrDefault(entry.id(), 0L), posture.guardDutyOn(), posture.regions().size(),
                    posture.trail(), posture.backup(), RegionPosture.unprotected(checksOpen), runs.get(entry.id()));
        }).toList();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TrendChart trend = TrendChart.of(scores.trend(null, TREND_DAYS).orElse(List.of()).stream()
                .map(s -> new TrendChart.Day(s.day, s.overall)).toList(), today, TREND_DAYS);
        return new Overview(current.tenant(), trend, rows,
                stats.changesSince(Instant.now().minus(Duration.ofHours(24)), LATEST_CHANGES), topFixes(current),
                rows.stream().mapToLong(AccountRow::critical).sum(), rows.stream().mapToLong(AccountRow::high).sum(),
                rows.stream().mapToLong(AccountRow::incidents).sum());
    }

    /** The checks whose findings cost the most points summed over accounts: fixing one raises every account it touches. */
    private List<TopFix> topFixes(ScoreService.Overview current) {
        record Acc(String title, int[] findings, Set<UUID> accounts, double[] points) {
        }
        Map<String, Acc> byCheck = new LinkedHashMap<>();
        for (ScoreService.AccountEntry entry : current.accounts()) {
            for (AccountScore.Cost cost : entry.score().costs()) {
                Acc acc = byCheck.computeIfAbsent(cost.checkId(), id -> new Acc(
                        checks.containsKey(id) ? checks.get(id).title() : cost.title(), new int[1], new java.util.HashSet<>(), new double[1]));
                acc.findings()[0] += cost.count();
                acc.accounts().add(entry.id());
                acc.points()[0] += cost.points();
            }
        }
        Map<String, TopFix> fixes = new HashMap<>();
        byCheck.forEach((id, acc) -> fixes.put(id, new TopFix(id, acc.title(), acc.findings()[0], acc.accounts().size(), acc.points()[0])));
        return fixes.values().stream().sorted(Comparator.comparingDouble(TopFix::points).reversed().thenComparing(TopFix::checkId))
                .limit(TOP_FIXES).toList();
    }
}
