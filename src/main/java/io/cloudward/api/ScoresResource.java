package io.cloudward.api;

import io.cloudward.scoring.AccountScore;
import io.cloudward.scoring.CheckTally;
import io.cloudward.scoring.ScoreInputs;
import io.cloudward.scoring.ScoreService;
import io.cloudward.scoring.ScoreSnapshot;
import io.cloudward.scoring.TenantScore;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Scores: the tenant's and its accounts' (worst first), one account explained with its top fixes, and the trend.
 * Scores are whole numbers, points two decimals, percentages one; the model keeps the exact values (README, "Scores").
 */
@Path("/api/v1/tenants/{tenantId}")
@Produces(MediaType.APPLICATION_JSON)
public class ScoresResource {
    /** Explanations listed per account before the rest is summed up in {@code omitted}. */
    static final int EXPLANATIONS = 200;

    /** The Security-Hub-style figure; {@code basis} says how "checks with data" was established. */
    public record ChecksView(int passed, int withData, Double percent, String basis) {
        static ChecksView of(CheckTally t) {
            return new ChecksView(t.passed(), t.withData(), t.percent() == null ? null : round1(t.percent()), t.basis());
        }
    }

    public record TenantView(Integer score, Map<String, Integer> categories, int accounts, int compromisedAccounts,
                             ChecksView securityHubStyle) {
        static TenantView of(TenantScore t) {
            Map<String, Integer> categories = new LinkedHashMap<>();
            t.categories().forEach((c, s) -> categories.put(c.slug(), round(s)));
            return new TenantView(t.overall() == null ? null : round(t.overall()), categories, t.accounts(),
                    t.compromisedAccounts(), ChecksView.of(t.checks()));
        }
    }

    public record AccountSummaryView(UUID id, String accountId, String name, int score, boolean capped,
                                     Map<String, Integer> categories, ChecksView securityHubStyle) {
        static AccountSummaryView of(ScoreService.AccountEntry e) {
            Map<String, Integer> categories = new LinkedHashMap<>();
            e.score().categories().forEach(c -> categories.put(c.category().slug(), round(c.score())));
            return new AccountSummaryView(e.id(), e.accountId(), e.name(), round(e.score().overall()), e.score().capped(),
                    categories, ChecksView.of(e.score().checks()));
        }
    }

    public record ScoresView(TenantView tenant, List<AccountSummaryView> accounts) {
    }

    public record CategoryView(String category, int score, double weight, double pointsLost) {
    }

    public record CapView(int maxScore, double points, List<String> reasons) {
    }

    /** A finding that cost points: {@code points} off the overall score, {@code categoryPoints} off its category's 100. */
    public record ExplanationView(String findingId, String checkId, String category, String severity, String title,
                                  String region, String resourceId, double points, double categoryPoints) {
    }

    /** What the explanations beyond the first {@value #EXPLANATIONS} cost together. */
    public record OmittedView(int findings, double points) {
    }

    public record FixView(String kind, String key, String title, int findings, double points, double pointsIgnoringCap) {
    }

    public record AccountScoreView(UUID id, String accountId, String name, int score, double uncapped,
                                   List<CategoryView> categories, CapView cap, List<ExplanationView> explanations,
                                   OmittedView omitted, List<FixView> topFixes, ChecksView securityHubStyle) {
    }

    public record TrendPoint(LocalDate day, int score, Map<String, Integer> categories, boolean capped,
                             Integer checksPassed, Integer checksWithData) {
        static TrendPoint of(ScoreSnapshot s) {
            return new TrendPoint(s.day, s.overall, s.categories, s.capped, s.checksPassed, s.checksWithData);
        }
    }

    /** @param accountId null: the tenant's own trend */
    public record TrendView(UUID accountId, int days, List<TrendPoint> points) {
    }

    private final ScoreService scores;

    public ScoresResource(ScoreService scores) {
        this.scores = scores;
    }

    @GET
    @Path("scores")
    @Requires(Permission.TENANT_READ)
    public ScoresView tenant(@PathParam("tenantId") UUID tenantId) {
        ScoreService.Overview overview = scores.current();
        return new ScoresView(TenantView.of(overview.tenant()),
                overview.accounts().stream().map(AccountSummaryView::of).toList());
    }

    @GET
    @Path("accounts/{accountId}/score")
    @Requires(Permission.TENANT_READ)
    public AccountScoreView account(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID id) {
        return scores.account(id).map(ScoresResource::view)
                .orElseThrow(() -> ProblemException.notFound("The AWS account"));
    }

    @GET
    @Path("scores/trend")
    @Requires(Permission.TENANT_READ)
    public TrendView trend(@PathParam("tenantId") UUID tenantId,
                           @QueryParam("days") @DefaultValue("90") @Min(1) @Max(90) int days,
                           @QueryParam("accountId") UUID accountId) {
        return scores.trend(accountId, days)
                .map(points -> new TrendView(accountId, days, points.stream().map(TrendPoint::of).toList()))
                .orElseThrow(() -> ProblemException.notFound("The AWS account"));
    }

    private static AccountScoreView view(ScoreService.Explained e) {
        AccountScore s = e.account().score();
        List<CategoryView> categories = s.categories().stream()
                .map(c -> new CategoryView(c.category().slug(), round(c.score()), c.weight(), round2(c.pointsLost()))).toList();
        List<ExplanationView> explanations = s.costs().stream().limit(EXPLANATIONS).map(c -> {
            ScoreInputs.Located where = e.located().get(c.ref());
            return new ExplanationView(c.ref(), c.checkId(), c.category().slug(), c.severity().name(), c.title(),
                    where == null ? null : where.region(), where == null ? null : where.resourceId(),
                    round2(c.points()), round2(c.categoryPoints()));
        }).toList();
        List<AccountScore.Cost> rest = s.costs().stream().skip(EXPLANATIONS).toList();
        OmittedView omitted = new OmittedView(rest.size(), round2(rest.stream().mapToDouble(AccountScore.Cost::points).sum()));
        CapView cap = s.cap() == null ? null
                : new CapView(round(s.cap().maxScore()), round2(s.cap().points()), s.cap().reasons());
        List<FixView> fixes = e.topFixes().stream().map(f -> new FixView(f.kind().name(), f.key(), f.title(), f.findings(),
                round2(f.points()), round2(f.pointsIgnoringCap()))).toList();
        return new AccountScoreView(e.account().id(), e.account().accountId(), e.account().name(), round(s.overall()),
                round2(s.uncapped()), categories, cap, explanations, omitted, fixes, ChecksView.of(s.checks()));
    }

    static int round(double score) {
        return (int) Math.round(score);
    }

    static double round1(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    static double round2(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
