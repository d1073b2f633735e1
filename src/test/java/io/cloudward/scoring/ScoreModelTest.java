package io.cloudward.scoring;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.findings.FindingStatus;
import io.cloudward.findings.Origin;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.cloudward.checks.Category.EXPOSURE;
import static io.cloudward.checks.Category.IDENTITY;
import static io.cloudward.checks.Category.LOGGING;
import static io.cloudward.checks.Category.THREAT_DETECTION;
import static io.cloudward.checks.Severity.CRITICAL;
import static io.cloudward.checks.Severity.HIGH;
import static io.cloudward.checks.Severity.LOW;
import static io.cloudward.checks.Severity.MEDIUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The score model with the shipped weights, including the worked example of README's "Scores" section. */
class ScoreModelTest {
    private static final double EXACT = 1e-9;
    private final ScoreModel model = new ScoreModel(ScoreWeights.load());

    private static ScoredFinding check(String ref, String checkId, Category category, Severity severity) {
        return ScoredFinding.one(ref, checkId, category, severity, Origin.CHECK, FindingStatus.OPEN, checkId);
    }

    private static ScoredFinding guardDuty(String ref, String type, Severity severity) {
        return ScoredFinding.one(ref, type, THREAT_DETECTION, severity, Origin.GUARDDUTY, FindingStatus.OPEN, type);
    }

    private static ScoredFinding with(ScoredFinding f, FindingStatus status) {
        return new ScoredFinding(f.ref(), f.checkId(), f.category(), f.severity(), f.origin(), status, f.title(), f.count());
    }

    /** README, "Scores", worked example: the account "prod" with five findings, one of them suppressed. */
    private static List<ScoredFinding> readmeExample() {
        return List.of(
                check("f1", "RootMfaEnabled", IDENTITY, CRITICAL),
                check("f2", "SecurityGroupOpenSsh", EXPOSURE, HIGH),
                check("f3", "SecurityGroupOpenSsh", EXPOSURE, HIGH),
                check("f4", "SecurityGroupOpenSsh", EXPOSURE, HIGH),
                check("f5", "CloudTrailEncryptedWithKms", LOGGING, MEDIUM),
                with(check("f6", "PasswordPolicyPreventsReuse", IDENTITY, LOW), FindingStatus.SUPPRESSED));
    }

    private static CheckCoverage coverage(int checks) {
        Set<String> ids = new java.util.HashSet<>(Set.of("RootMfaEnabled", "SecurityGroupOpenSsh",
                "CloudTrailEncryptedWithKms", "PasswordPolicyPreventsReuse"));
        for (int i = ids.size(); i < checks; i++) {
            ids.add("Check" + i);
        }
        return new CheckCoverage(ids, CheckCoverage.INFERRED);
    }

    private static double category(AccountScore score, Category c) {
        return score.categories().stream().filter(s -> s.category() == c).findFirst().orElseThrow().score();
    }

    @Test
    void readmeWorkedExample() {
        AccountInput input = new AccountInput(readmeExample(), List.of(), coverage(53));
        AccountScore score = model.score(input);

        assertEquals(100, category(score, THREAT_DETECTION), EXACT);
        assertEquals(92, category(score, LOGGING), EXACT);
        assertEquals(65, category(score, EXPOSURE), EXACT, "3 HIGH: 20 + 10 + 5 = 35");
        assertEquals(50, category(score, IDENTITY), EXACT, "1 CRITICAL: 50; the suppressed LOW costs nothing");
        assertEquals(100, category(score, Category.BACKUP_RECOVERY), EXACT);
        assertEquals(82.15, score.overall(), EXACT);
        assertEquals(82, Math.round(score.overall()));
        assertNull(score.cap());

        assertEquals(List.of("f1", "f2", "f3", "f4", "f5"), score.costs().stream().map(AccountScore.Cost::ref).toList());
        assertEquals(7.5, score.costs().get(0).points(), EXACT);
        assertEquals(35.0 / 3 * 0.25, score.costs().get(1).points(), EXACT);
        assertEquals(1.6, score.costs().get(4).points(), EXACT);

        List<AccountScore.Fix> fixes = model.topFixes(input);
        assertEquals(List.of("SecurityGroupOpenSsh", "RootMfaEnabled", "CloudTrailEncryptedWithKms"),
                fixes.stream().map(AccountScore.Fix::key).toList());
        assertEquals(List.of(8.75, 7.5, 1.6), fixes.stream().map(f -> Math.round(f.points() * 100) / 100.0).toList());
        assertEquals(3, fixes.getFirst().findings());

        assertEquals(CheckTally.of(50, 53, CheckCoverage.INFERRED), score.checks(),
                "3 of the 53 registered checks have an open finding; the suppressed one passes");
        assertEquals(94.3, Math.round(score.checks().percent() * 10) / 10.0, EXACT);
    }

    @Test
    void readmeExampleUnderCompromiseIsCapped() {
        List<ScoredFinding> findings = new ArrayList<>(readmeExample());
        findings.add(guardDuty("g1", "UnauthorizedAccess:EC2/SSHBruteForce", HIGH));
        AccountInput input = new AccountInput(findings, List.of(), coverage(53));
        AccountScore score = model.score(input);

        assertEquals(80, category(score, THREAT_DETECTION), EXACT);
        assertEquals(77.15, score.uncapped(), EXACT);
        assertEquals(39, score.overall(), EXACT);
        assertEquals(38.15, score.cap().points(), EXACT);

        List<AccountScore.Fix> fixes = model.topFixes(input);
        assertEquals("UnauthorizedAccess:EC2/SSHBruteForce", fixes.getFirst().key());
        assertEquals(43.15, fixes.getFirst().points(), EXACT, "82.15 once the threat is dealt with");
        assertEquals(0, fixes.get(1).points(), EXACT, "nothing else moves a capped score…");
        assertEquals(8.75, fixes.get(1).pointsIgnoringCap(), EXACT, "…but the next fixes keep their order");
        assertEquals("SecurityGroupOpenSsh", fixes.get(1).key());
    }

    @Test
    void openIncidentCapsAndResolvingItIsAFix() {
        AccountInput input = new AccountInput(List.of(), List.of(new OpenIncident("i1", "Trail stopped after a suspicious login", CRITICAL)),
                CheckCoverage.none());
        AccountScore score = model.score(input);
        assertEquals(100, score.uncapped(), EXACT);
        assertEquals(39, score.overall(), EXACT);
        assertEquals(List.of("open incident: Trail stopped after a suspicious login"), score.cap().reasons());
        AccountScore.Fix fix = model.topFixes(input).getFirst();
        assertEquals(AccountScore.Fix.Kind.INCIDENT, fix.kind());
        assertEquals(61, fix.points(), EXACT);
    }

    @Test
    void mediumGuardDutyFindingDoesNotCap() {
        AccountScore score = model.score(new AccountInput(List.of(guardDuty("g", "Recon:EC2/PortProbeUnprotectedPort", MEDIUM)),
                List.of(), CheckCoverage.none()));
        assertNull(score.cap());
        assertEquals(98, score.overall(), EXACT, "8 points of threat detection × 0.25");
    }

    @Test
    void diminishingReturns() {
        List<ScoredFinding> lows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lows.add(check("l" + i, "EbsEncryptionByDefaultEnabled", EXPOSURE, LOW));
        }
        double twoHundredLows = 100 - model.score(new AccountInput(lows, List.of(), CheckCoverage.none())).overall();
        double oneCritical = 100 - model.score(new AccountInput(List.of(check("c", "RdsNotPubliclyAccessible", EXPOSURE, CRITICAL)),
                List.of(), CheckCoverage.none())).overall();
        assertTrue(twoHundredLows < oneCritical, twoHundredLows + " vs " + oneCritical);
        assertEquals(6 * 0.25, twoHundredLows, 1e-6, "200 LOW findings approach 3 / (1 − 0.5) = 6 category points");
        assertEquals(50 * 0.25, oneCritical, EXACT);

        double one = 100 - model.score(new AccountInput(lows.subList(0, 1), List.of(), CheckCoverage.none())).overall();
        double two = 100 - model.score(new AccountInput(lows.subList(0, 2), List.of(), CheckCoverage.none())).overall();
        assertEquals(3 * 0.25, one, EXACT);
        assertEquals(4.5 * 0.25, two, EXACT, "the second costs half the first");
    }

    @Test
    void groupedEntryScoresLikeItsFindings() {
        List<ScoredFinding> single = List.of(check("a", "SecurityGroupOpenSsh", EXPOSURE, HIGH),
                check("b", "SecurityGroupOpenSsh", EXPOSURE, HIGH));
        List<ScoredFinding> grouped = List.of(new ScoredFinding("SecurityGroupOpenSsh", "SecurityGroupOpenSsh", EXPOSURE, HIGH,
                Origin.CHECK, FindingStatus.OPEN, "SSH", 2));
        assertEquals(model.score(new AccountInput(single, List.of(), CheckCoverage.none())).overall(),
                model.score(new AccountInput(grouped, List.of(), CheckCoverage.none())).overall(), EXACT);
    }

    @Test
    void explanationsSumToThePointsLostEvenWhenACategoryBottomsOut() {
        List<ScoredFinding> findings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            findings.add(check("c" + i, "RdsNotPubliclyAccessible", EXPOSURE, CRITICAL));
            findings.add(check("h" + i, "SecurityGroupOpenRdp", EXPOSURE, HIGH));
        }
        findings.add(check("m", "ConsoleUserMfaEnabled", IDENTITY, MEDIUM));
        findings.add(guardDuty("g", "Backdoor:EC2/C&CActivity.B", CRITICAL));
        AccountScore score = model.score(new AccountInput(findings, List.of(new OpenIncident("i", "compromise", HIGH)),
                CheckCoverage.none()));
        assertEquals(0, category(score, EXPOSURE), EXACT, "penalty 93.75 + 37.5 > 100");
        double explained = score.costs().stream().mapToDouble(AccountScore.Cost::points).sum() + score.cap().points();
        assertEquals(100 - score.overall(), explained, EXACT);
        double exposure = score.costs().stream().filter(c -> c.category() == EXPOSURE).mapToDouble(AccountScore.Cost::categoryPoints).sum();
        assertEquals(100, exposure, EXACT, "shares are scaled so a category cannot lose more than its 100");
    }

    @Test
    void suppressedAndResolvedCostNothing() {
        ScoredFinding critical = check("x", "RootMfaEnabled", IDENTITY, CRITICAL);
        ScoredFinding threat = guardDuty("g", "CryptoCurrency:EC2/BitcoinTool.B!DNS", HIGH);
        for (FindingStatus status : List.of(FindingStatus.SUPPRESSED, FindingStatus.RESOLVED)) {
            AccountScore score = model.score(new AccountInput(List.of(with(critical, status), with(threat, status)), List.of(),
                    coverage(4)));
            assertEquals(100, score.overall(), EXACT, status.name());
            assertEquals(List.of(), score.costs());
            assertNull(score.cap(), "a suppressed threat finding does not cap");
            assertEquals(4, score.checks().passed());
            assertEquals(List.of(), model.topFixes(new AccountInput(List.of(with(critical, status)), List.of(), CheckCoverage.none())));
        }
    }

    @Test
    void noDataNoFigure() {
        AccountScore score = model.score(new AccountInput(List.of(), List.of(), CheckCoverage.none()));
        assertEquals(100, score.overall(), EXACT);
        assertNull(score.checks().percent());
    }

    @Test
    void tenantWeighsCompromisedAccountsMore() {
        AccountScore clean = model.score(new AccountInput(List.of(), List.of(), coverage(10)));
        AccountScore compromised = model.score(new AccountInput(List.of(), List.of(new OpenIncident("i", "x", HIGH)), coverage(10)));
        TenantScore tenant = model.tenant(List.of(clean, compromised));
        assertEquals((100 + 3 * 39) / 4.0, tenant.overall(), EXACT);
        assertEquals(2, tenant.accounts());
        assertEquals(1, tenant.compromisedAccounts());
        assertEquals(CheckTally.of(20, 20, CheckCoverage.INFERRED), tenant.checks());
        assertEquals(100, tenant.categories().get(Category.EXPOSURE), EXACT, "categories are not capped, only the overall score");
        assertNull(model.tenant(List.of()).overall());
    }
}
