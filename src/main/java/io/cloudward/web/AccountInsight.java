package io.cloudward.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.checks.Severity;
import io.cloudward.collect.ScanRun;
import io.cloudward.collect.ScanService;
import io.cloudward.findings.FindingStats;
import io.cloudward.findings.FindingView;
import io.cloudward.findings.IncidentView;
import io.cloudward.scoring.AccountScore;
import io.cloudward.scoring.ScoreService;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the account page shows beside the connection: its score explained, severities, incidents, regions, exposure, backup. */
@ApplicationScoped
public class AccountInsight {
    static final int EXPLAINED_COSTS = 10;
    static final int LISTED = 25;
    /** The checks that mean "reachable from the internet". */
    static final Set<String> INTERNET = Set.of("SecurityGroupOpenSsh", "SecurityGroupOpenRdp", "SecurityGroupOpenAllPorts",
            "SecurityGroupOpenDatabasePorts", "SecurityGroupOpenAdminServicePorts", "RdsNotPubliclyAccessible",
            "S3BucketPolicyNotPublic", "S3BucketPublicAccessBlocked", "S3AccountPublicAccessBlocked");

    public record SeverityCount(String severity, long count) {
    }

    /** A cost with where it is, for the explanation list. */
    public record Explanation(AccountScore.Cost cost, String region, String resourceId) {
    }

    /** Something open to the internet, and what it is attached to (from the evidence). */
    public record Exposure(FindingView finding, List<String> attached, List<String> openings) {
    }

    public record Insight(AccountScore score, List<AccountScore.Fix> topFixes, List<Explanation> explanations, int moreCosts,
                          List<SeverityCount> severities, List<IncidentView> incidents, RegionPosture regions,
                          List<Exposure> exposures, List<FindingView> backup, long unprotected, ScanRun lastScan) {
    }

    private final ScoreService scores;
    private final FindingStats stats;
    private final ScanService scans;
    private final ObjectMapper json;

    public AccountInsight(ScoreService scores, FindingStats stats, ScanService scans, ObjectMapper json) {
        this.scores = scores;
        this.stats = stats;
        this.scans = scans;
        this.json = json;
    }

    public Insight of(AwsAccount account) {
        ScoreService.Explained explained = scores.account(account.id).orElseThrow();
        AccountScore score = explained.account().score();
        List<Explanation> explanations = score.costs().stream().limit(EXPLAINED_COSTS).map(c -> {
            var at = explained.located().get(c.ref());
            return new Explanation(c, at == null ? null : at.region(), at == null ? null : at.resourceId());
        }).toList();
        Map<Severity, Long> bySeverity = stats.openBySeverity(account.id).getOrDefault(account.id, Map.of());
        List<Severity> worstFirst = new ArrayList<>(Arrays.asList(Severity.values()));
        java.util.Collections.reverse(worstFirst);
        List<SeverityCount> severities = worstFirst.stream()
                .map(s -> new SeverityCount(s.name(), bySeverity.getOrDefault(s, 0L))).toList();
        var open = stats.openChecks(RegionPosture.CHECKS, account.id);
        RegionPosture regions = RegionPosture.of(account.regions, open,
                scans.latestPostureSources(Set.of(account.id), RegionPosture.SOURCES));
        List<Exposure> exposures = stats.openOf(account.id, INTERNET, LISTED).stream().map(this::exposure).toList();
        return new Insight(score, explained.topFixes(), explanations, Math.max(0, score.costs().size() - EXPLAINED_COSTS),
                severities, stats.incidents(account.id, LISTED), regions, exposures,
                stats.open(account.id, "backup-recovery", LISTED), RegionPosture.unprotected(open),
                scans.latestRuns(Set.of(account.id)).get(account.id));
    }

    private Exposure exposure(FindingStats.WithEvidence f) {
        JsonNode evidence;
        try {
            evidence = f.evidence() == null ? json.nullNode() : json.readTree(f.evidence());
        } catch (IOException e) {
            evidence = json.nullNode();
        }
        return new Exposure(f.finding(), texts(evidence.path("reachable")), texts(evidence.path("openings")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
