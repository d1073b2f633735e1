package io.cloudward.scoring;

import io.agroal.api.AgroalDataSource;
import io.cloudward.api.TenantFixtures;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.events.Topics;
import io.cloudward.findings.FindingActions;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores through the real findings store, PostgreSQL and the REST API: README's worked example, the compromise
 * cap, snapshots (idempotent, also under concurrency), the score-change event (once), retention, cross-tenant.
 */
@QuarkusTest
class ScoresIT {
    private static final String ACCT = "444455556666";

    @Inject
    FindingStore store;
    @Inject
    FindingActions actions;
    @Inject
    ScoreService scores;
    @Inject
    ScoreSnapshotJob job;
    @Inject
    TenantRunner runner;
    @Inject
    TenantRepository tenants;
    @Inject
    @DataSource("platform")
    AgroalDataSource platform;

    UUID tenant;
    UUID account;
    String token;

    @BeforeEach
    void freshTenant() {
        tenant = tenant("scores");
        account = account(tenant, ACCT);
        token = TenantFixtures.createApiTokenWithoutMfaCheck(tenant);
    }

    /** README, "Scores": RootMfaEnabled, three SSH groups open to the internet, a trail without KMS, one suppressed LOW. */
    private void readmeExample() {
        as(tenant, () -> actions.createRule("PasswordPolicyPreventsReuse", null, null, null, "accepted: SSO only",
                java.time.Instant.now().plus(java.time.Duration.ofDays(30))));
        collect("global", "iam", fail("RootMfaEnabled", "global", "root", null), fail("PasswordPolicyPreventsReuse", "global", "password-policy", null));
        collect("eu-west-1", "exposure", fail("SecurityGroupOpenSsh", "eu-west-1", "sg-1", "EXPOSED"),
                fail("SecurityGroupOpenSsh", "eu-west-1", "sg-2", "EXPOSED"), fail("SecurityGroupOpenSsh", "eu-west-1", "sg-3", "EXPOSED"));
        collect("eu-west-1", "cloudtrail", fail("CloudTrailEncryptedWithKms", "eu-west-1", "trail-main", null));
    }

    @Test
    void readmeWorkedExampleThroughTheApi() {
        readmeExample();
        JsonPath overview = get("/api/v1/tenants/{t}/scores", tenant);
        assertEquals(82, overview.getInt("tenant.score"));
        assertEquals(1, overview.getInt("tenant.accounts"));
        assertEquals(82, overview.getInt("accounts[0].score"));
        assertEquals(65, overview.getInt("accounts[0].categories.exposure"));
        assertEquals(50, overview.getInt("accounts[0].securityHubStyle.passed"));
        assertEquals(53, overview.getInt("accounts[0].securityHubStyle.withData"));
        assertEquals(94.3f, overview.getFloat("accounts[0].securityHubStyle.percent"));
        assertEquals(CheckCoverage.INFERRED, overview.getString("accounts[0].securityHubStyle.basis"));

        JsonPath detail = get("/api/v1/tenants/{t}/accounts/{a}/score", tenant, account);
        assertEquals(82, detail.getInt("score"));
        assertNull(detail.get("cap"));
        List<Float> points = detail.getList("explanations.points", Float.class);
        assertEquals(5, points.size(), "the suppressed finding costs nothing");
        assertEquals(17.85, points.stream().mapToDouble(Float::doubleValue).sum(), 0.02);
        assertEquals("RootMfaEnabled", detail.getString("explanations[0].checkId"));
        assertEquals("root", detail.getString("explanations[0].resourceId"));
        assertEquals(List.of("SecurityGroupOpenSsh", "RootMfaEnabled", "CloudTrailEncryptedWithKms"), detail.getList("topFixes.key"));
        assertEquals(List.of(8.75f, 7.5f, 1.6f), detail.getList("topFixes.points", Float.class));

        ScopeUpdate threats = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty-findings", false);
        threats.accept(guardDuty("gd-1", 8.0));
        threats.finish();
        JsonPath capped = get("/api/v1/tenants/{t}/accounts/{a}/score", tenant, account);
        assertEquals(39, capped.getInt("score"));
        assertEquals(77.15f, capped.getFloat("uncapped"));
        assertTrue(capped.getString("cap.reasons[0]").startsWith("open HIGH threat finding"), capped.prettify());
        assertEquals("CryptoCurrency:EC2/BitcoinTool.B!DNS", capped.getString("topFixes[0].key"));
        assertEquals(43.15f, capped.getFloat("topFixes[0].points"));
        assertEquals(39, get("/api/v1/tenants/{t}/scores", tenant).getInt("tenant.score"));
    }

    @Test
    void snapshotsAreIdempotentAndAChangeIsAnnouncedOnce() throws Exception {
        readmeExample();
        assertEquals(new ScoreService.Recorded(today(), 1, true, 0), scores.recordSnapshots(tenant), "the first score sets the baseline");
        assertEquals(new ScoreService.Recorded(today(), 1, true, 0), scores.recordSnapshots(tenant));
        assertEquals(2, count("select count(*) from score_snapshot where tenant_id = ?"), "one row per account and day, one for the tenant");

        collect("eu-west-1", "exposure", fail("SecurityGroupOpenSsh", "eu-west-1", "sg-1", "EXPOSED"),
                fail("SecurityGroupOpenSsh", "eu-west-1", "sg-2", "EXPOSED"), fail("SecurityGroupOpenSsh", "eu-west-1", "sg-3", "EXPOSED"),
                fail("SecurityGroupOpenRdp", "eu-west-1", "sg-4", "EXPOSED"), fail("SecurityGroupOpenAllPorts", "eu-west-1", "sg-5", "EXPOSED"));
        // 82.15 → exposure loses 100 (35 + 50 + 25 = 110, floored at 0): 82.15 − 16.25 = 65.9 → 66, a 16-point drop
        List<Integer> emitted = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<ScoreService.Recorded>> both = List.of(() -> scores.recordSnapshots(tenant), () -> scores.recordSnapshots(tenant));
            for (Future<ScoreService.Recorded> f : pool.invokeAll(both)) {
                emitted.add(f.get().changeEvents());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, emitted.stream().mapToInt(Integer::intValue).sum(), "two instances at once announce the change once: " + emitted);
        assertEquals(0, scores.recordSnapshots(tenant).changeEvents());
        assertEquals(2, count("select count(*) from score_snapshot where tenant_id = ?"));
        assertEquals(1, count("select count(*) from outbox_event where tenant_id = ? and topic = '" + Topics.SCORES + "'"));
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                select partition_key, type, payload->'data'->>'previous', payload->'data'->>'current'
                from outbox_event where tenant_id = ? and topic = ?""")) {
            s.setObject(1, tenant);
            s.setString(2, Topics.SCORES);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(List.of(ACCT, ScoreChangeNotifier.TYPE, "82", "66"),
                        List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }

        JsonPath accountTrend = given().auth().oauth2(token).queryParam("accountId", account).queryParam("days", 7)
                .get("/api/v1/tenants/{t}/scores/trend", tenant).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(66), accountTrend.getList("points.score"));
        assertEquals(today().toString(), accountTrend.getString("points[0].day"));
        assertEquals(0, accountTrend.getInt("points[0].categories.exposure"));
        JsonPath tenantTrend = get("/api/v1/tenants/{t}/scores/trend", tenant);
        assertNull(tenantTrend.get("accountId"));
        assertEquals(List.of(66), tenantTrend.getList("points.score"));

        update("insert into score_snapshot (tenant_id, aws_account_id, day, overall) values (?, ?, ?, 50)", tenant, account,
                today().minusDays(100));
        update("insert into score_snapshot (tenant_id, aws_account_id, day, overall) values (?, ?, ?, 70)", tenant, account,
                today().minusDays(3));
        job.purge();
        assertEquals(List.of(70, 66), get("/api/v1/tenants/{t}/scores/trend?accountId=" + account, tenant).getList("points.score"),
                "the 100-day-old point is gone, the 3-day-old one stays");
        assertEquals(List.of(66), given().auth().oauth2(token).get("/api/v1/tenants/{t}/scores/trend?accountId=" + account + "&days=2",
                tenant).then().statusCode(200).extract().jsonPath().getList("points.score"));
    }

    @Test
    void otherTenantsSeeNothingAndJunkIsRefused() {
        readmeExample();
        scores.recordSnapshots(tenant);
        UUID other = tenant("scores-other");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);

        for (String path : List.of("/api/v1/tenants/" + tenant + "/scores", "/api/v1/tenants/" + tenant + "/accounts/" + account + "/score",
                "/api/v1/tenants/" + tenant + "/scores/trend", "/api/v1/tenants/" + tenant + "/scores/trend?accountId=" + account)) {
            String body = given().auth().oauth2(otherToken).get(path).then().statusCode(404).extract().asString();
            assertTrue(!body.contains(ACCT), body);
        }
        String mine = "/api/v1/tenants/" + other;
        given().auth().oauth2(otherToken).get(mine + "/accounts/" + account + "/score").then().statusCode(404);
        given().auth().oauth2(otherToken).get(mine + "/scores/trend?accountId=" + account).then().statusCode(404);
        JsonPath empty = given().auth().oauth2(otherToken).get(mine + "/scores").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(), empty.getList("accounts"));
        assertNull(empty.get("tenant.score"));
        assertEquals(List.of(), given().auth().oauth2(otherToken).get(mine + "/scores/trend").then().statusCode(200)
                .extract().jsonPath().getList("points"));

        String base = "/api/v1/tenants/" + tenant;
        for (String junk : List.of(base + "/accounts/not-a-uuid/score", base + "/scores/trend?accountId=not-a-uuid",
                base + "/scores/trend?days=abc", base + "/scores/trend?days=0", base + "/scores/trend?days=91",
                "/api/v1/tenants/not-a-uuid/scores")) {
            int status = given().auth().oauth2(token).get(junk).then().extract().statusCode();
            assertTrue(status == 400 || status == 404, junk + " -> " + status);
        }
        given().auth().oauth2(token).get(base + "/scores/trend?days=0").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private JsonPath get(String path, Object... params) {
        return given().auth().oauth2(token).get(path, params).then().statusCode(200).extract().jsonPath();
    }

    private void collect(String region, String source, CheckResult... results) {
        ScopeUpdate update = store.begin(tenant, account, ACCT, region, source, false);
        for (CheckResult r : results) {
            update.accept(r);
        }
        update.finish();
    }

    private static CheckResult fail(String checkId, String region, String resourceId, String variant) {
        return new CheckResult(checkId, CheckStatus.FAIL, ResourceRef.of("AwsResource", resourceId, region, ACCT),
                checkId + " fails on " + resourceId, Map.of(), variant);
    }

    private static GuardDutyFindingFacts guardDuty(String id, double severity) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new GuardDutyFindingFacts(ACCT, "eu-west-1", id, "arn:aws:guardduty:eu-west-1:" + ACCT + ":detector/d/finding/" + id,
                "CryptoCurrency:EC2/BitcoinTool.B!DNS", severity, "EC2 instance i-0abc is querying a Bitcoin domain",
                "i-0abc queried pool.example", at, at, false, 1, "Instance", "i-0abc", Map.of("instanceId", "i-0abc"));
    }

    private UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        runner.run(TenantRunner.system(id, "test"), () -> tenants.persist(Tenant.create(id, name + "-" + System.nanoTime(), name)));
        return id;
    }

    private UUID account(UUID owner, String accountId) {
        UUID id = UUID.randomUUID();
        runner.run(TenantRunner.system(owner, "test"), () -> Arc.container().instance(EntityManager.class).get().createNativeQuery("""
                        insert into aws_account (id, tenant_id, account_id, name, role_arn, external_id, status)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'CONNECTED')""")
                .setParameter(1, id).setParameter(2, owner).setParameter(3, accountId).setParameter(4, "prod")
                .setParameter(5, "arn:aws:iam::" + accountId + ":role/CloudwardReadOnly")
                .setParameter(6, "ext-" + UUID.randomUUID()).executeUpdate());
        return id;
    }

    private <T> T as(UUID t, java.util.function.Supplier<T> work) {
        return runner.call(TenantRunner.system(t, "test"), work);
    }

    private long count(String sql) throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void update(String sql, Object... params) throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
