package io.cloudward.scoring;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.findings.FindingStatus;
import io.cloudward.findings.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The score model: pure arithmetic over open findings and incidents, with its numbers from {@link ScoreWeights}.
 *
 * <pre>
 * per category c and severity s, with n open findings of that severity in c:
 *     G(c,s) = points(s) × (1 − decay^n) / (1 − decay)          diminishing returns, shared equally by the n findings
 *     P(c)   = Σ_s G(c,s)
 *     S(c)   = 100 − min(P(c), 100)                             a finding's share is scaled by 100/P(c) when P(c) > 100
 * uncapped   = Σ_c weight(c) × S(c)
 * overall    = min(uncapped, cap.maxScore) if an open threat finding (origin in cap.threatOrigins, severity ≥
 *              cap.threatMinSeverity) or an open incident shows an active compromise, else uncapped
 * </pre>
 * A finding's cost to the overall score is its category cost × weight(c); the costs plus the cap's points add
 * up to {@code 100 − overall}. A top fix's gain is the score without that check's findings (or that incident)
 * minus the score now.
 */
public final class ScoreModel {

    private final ScoreWeights weights;

    public ScoreModel(ScoreWeights weights) {
        this.weights = Objects.requireNonNull(weights);
    }

    public ScoreWeights weights() {
        return weights;
    }

    public AccountScore score(AccountInput input) {
        List<ScoredFinding> open = open(input.findings());
        Totals totals = totals(open, input.incidents());
        List<AccountScore.Cost> costs = costs(open, totals);
        AccountScore.Cap cap = totals.capReasons.isEmpty() ? null
                : new AccountScore.Cap(weights.compromiseCap().maxScore(), totals.uncapped - totals.overall, totals.capReasons);
        List<AccountScore.CategoryScore> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(new AccountScore.CategoryScore(c, totals.categoryScore(c), weights.weight(c),
                    100 - totals.categoryScore(c)));
        }
        return new AccountScore(totals.overall, totals.uncapped, List.copyOf(categories), cap, costs, tally(open, input.coverage()));
    }

    /** The actions that would raise the score most, best first, at most {@link ScoreWeights#topFixes()}. */
    public List<AccountScore.Fix> topFixes(AccountInput input) {
        List<ScoredFinding> open = open(input.findings());
        Totals now = totals(open, input.incidents());
        List<AccountScore.Fix> fixes = new ArrayList<>();
        Map<String, List<ScoredFinding>> byCheck = open.stream()
                .collect(Collectors.groupingBy(ScoredFinding::checkId, LinkedHashMap::new, Collectors.toList()));
        byCheck.forEach((checkId, findings) -> {
            Totals without = totals(open.stream().filter(f -> !f.checkId().equals(checkId)).toList(), input.incidents());
            String title = findings.stream().map(ScoredFinding::title).filter(Objects::nonNull).sorted().findFirst().orElse(checkId);
            fixes.add(new AccountScore.Fix(AccountScore.Fix.Kind.CHECK, checkId, title,
                    findings.stream().mapToInt(ScoredFinding::count).sum(),
                    without.overall - now.overall, without.uncapped - now.uncapped));
        });
        for (OpenIncident incident : input.incidents()) {
            Totals without = totals(open, input.incidents().stream().filter(i -> i != incident).toList());
            fixes.add(new AccountScore.Fix(AccountScore.Fix.Kind.INCIDENT, incident.id(), incident.title(), 0,
                    without.overall - now.overall, without.uncapped - now.uncapped));
        }
        return fixes.stream()
                .filter(f -> f.points() > 1e-9 || f.pointsIgnoringCap() > 1e-9)
                .sorted(Comparator.comparingDouble(AccountScore.Fix::points).reversed()
                        .thenComparing(Comparator.comparingDouble(AccountScore.Fix::pointsIgnoringCap).reversed())
                        .thenComparing(AccountScore.Fix::key))
                .limit(weights.topFixes())
                .toList();
    }

    /** Weighted mean of the account scores; an account under compromise weighs more, so it cannot hide in a crowd. */
    public TenantScore tenant(List<AccountScore> accounts) {
        double weightSum = 0;
        double overall = 0;
        Map<Category, Double> categories = new EnumMap<>(Category.class);
        int compromised = 0;
        CheckTally checks = CheckTally.of(0, 0, CheckCoverage.INFERRED);
        for (AccountScore account : accounts) {
            double w = account.capped() ? weights.compromisedAccountWeight() : 1;
            compromised += account.capped() ? 1 : 0;
            weightSum += w;
            overall += w * account.overall();
            account.categories().forEach(c -> categories.merge(c.category(), w * c.score(), Double::sum));
            checks = checks.plus(account.checks());
        }
        if (accounts.isEmpty()) {
            return new TenantScore(null, Map.of(), 0, 0, checks);
        }
        double total = weightSum;
        categories.replaceAll((c, sum) -> sum / total);
        return new TenantScore(overall / weightSum, categories, accounts.size(), compromised, checks);
    }

    private static List<ScoredFinding> open(List<ScoredFinding> findings) {
        return findings.stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
    }

    private CheckTally tally(List<ScoredFinding> open, CheckCoverage coverage) {
        Set<String> failing = open.stream().filter(f -> f.origin() == Origin.CHECK).map(ScoredFinding::checkId)
                .collect(Collectors.toSet());
        int withData = coverage.withData().size();
        int failed = (int) coverage.withData().stream().filter(failing::contains).count();
        return CheckTally.of(withData - failed, withData, coverage.basis());
    }

    private Totals totals(List<ScoredFinding> open, List<OpenIncident> incidents) {
        Map<Category, Map<Severity, Integer>> counts = new EnumMap<>(Category.class);
        for (ScoredFinding f : open) {
            counts.computeIfAbsent(f.category(), c -> new EnumMap<>(Severity.class)).merge(f.severity(), f.count(), Integer::sum);
        }
        Map<Category, Map<Severity, Double>> groupCost = new EnumMap<>(Category.class);
        Map<Category, Double> penalty = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            Map<Severity, Double> bySeverity = new EnumMap<>(Severity.class);
            counts.getOrDefault(c, Map.of()).forEach((s, n) -> bySeverity.put(s, groupCost(s, n)));
            groupCost.put(c, bySeverity);
            penalty.put(c, bySeverity.values().stream().mapToDouble(Double::doubleValue).sum());
        }
        double uncapped = 0;
        for (Category c : Category.values()) {
            uncapped += weights.weight(c) * (100 - Math.min(penalty.get(c), 100));
        }
        List<String> reasons = capReasons(open, incidents);
        double overall = reasons.isEmpty() ? uncapped : Math.min(uncapped, weights.compromiseCap().maxScore());
        return new Totals(counts, groupCost, penalty, uncapped, overall, reasons);
    }

    private double groupCost(Severity severity, int n) {
        double decay = weights.repeatDecay();
        return weights.points(severity) * (1 - Math.pow(decay, n)) / (1 - decay);
    }

    private List<String> capReasons(List<ScoredFinding> open, List<OpenIncident> incidents) {
        ScoreWeights.CompromiseCap cap = weights.compromiseCap();
        List<String> reasons = new ArrayList<>();
        open.stream()
                .filter(f -> cap.threatOrigins().contains(f.origin()) && f.severity().isAtLeast(cap.threatMinSeverity()))
                .sorted(Comparator.comparing(ScoredFinding::severity).reversed().thenComparing(ScoredFinding::ref))
                .forEach(f -> reasons.add("open " + f.severity() + " threat finding: " + f.title()));
        if (cap.openIncident()) {
            incidents.forEach(i -> reasons.add("open incident: " + i.title()));
        }
        return List.copyOf(reasons);
    }

    private List<AccountScore.Cost> costs(List<ScoredFinding> open, Totals totals) {
        List<AccountScore.Cost> costs = new ArrayList<>();
        for (ScoredFinding f : open) {
            double categoryPoints = totals.share(f);
            if (categoryPoints > 0) {
                costs.add(new AccountScore.Cost(f.ref(), f.checkId(), f.category(), f.severity(), f.title(), f.count(),
                        categoryPoints, categoryPoints * weights.weight(f.category())));
            }
        }
        costs.sort(Comparator.comparingDouble(AccountScore.Cost::points).reversed().thenComparing(AccountScore.Cost::ref));
        return List.copyOf(costs);
    }

    private record Totals(Map<Category, Map<Severity, Integer>> counts, Map<Category, Map<Severity, Double>> groupCost,
                          Map<Category, Double> penalty, double uncapped, double overall, List<String> capReasons) {

        double categoryScore(Category c) {
            return 100 - Math.min(penalty.get(c), 100);
        }

        /** The finding's equal share of its (category, severity) group, scaled down if the category hit zero. */
        double share(ScoredFinding f) {
            double p = penalty.get(f.category());
            double scale = p > 100 ? 100 / p : 1;
            int n = counts.get(f.category()).get(f.severity());
            return groupCost.get(f.category()).get(f.severity()) * f.count() / n * scale;
        }
    }
}
