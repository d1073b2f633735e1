package io.cloudward.collect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.cloudward.api.TenantFixtures;
import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.cloudward.events.Topics;
import io.cloudward.onboarding.CollectorPermissions;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collection engine against the AWS sandbox: accounts connected through the API, runs queued through
 * the API and executed by {@link RunWorker}s the test starts (the tick is off in tests).
 */
@QuarkusTest
class ScanRunsIT {

    private static final String CODESPACES = "111111111111";
    private static final String EXPOSED_DB = "222222222222";
    private static final String BLIND_SPOTS = "333333333333";
    private static final String WELL_RUN = "444444444444";
    private static final String ROLE = "CloudwardSecurityAudit";
    private static final List<String> REGIONS = List.of("us-east-1");

    @Inject
    RunLeases leases;
    @Inject
    RunExecutor executor;
    @Inject
    @DataSource("platform")
    AgroalDataSource platform;

    private SandboxServer sandbox;
    private String alice;
    private UUID tenant;

    @BeforeEach
    void setUp() {
        sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        alice = Tokens.accessToken("alice");
        tenant = TenantFixtures.createTenant(alice, "scans");
        // Runs other tests left queued are not this test's business.
        sql("update scan_run set status = 'CANCELLED', finished_at = now(), lease_owner = null where status in ('QUEUED', 'RUNNING')");
    }

    @AfterEach
    void resetSandbox() {
        sandbox.faults().clear();
        sandbox.reset();
    }

    @Test
    void scanNowFindsTheExposedDatabaseAndASecondScanChangesNothing() throws Exception {
        String account = connect(EXPOSED_DB);
        JsonPath queued = scanNow(account);
        String runId = queued.getString("[0].id");
        assertEquals("CONNECT", queued.getString("[0].trigger"), "scan now joins the first scan queued at connect");
        execute(worker("a"));

        JsonPath run = run(runId);
        assertEquals("SUCCEEDED", run.getString("run.status"), run.prettify());
        int total = run.getInt("run.sourcesTotal");
        assertEquals(8 + 2, total, "8 regional sources in one region and 2 global ones");
        assertEquals(total, run.getInt("run.sourcesDone"));
        assertEquals(total, run.getList("sources").size());
        assertTrue(run.getInt("run.apiCalls") > 0);
        assertTrue(run.getInt("run.findings.created") > 0);
        assertEquals(List.of("OK"), run.getList("sources.status").stream().distinct().toList());
        assertTrue(openFinding("RdsNotPubliclyAccessible", "customers-prod"), "the public database is a finding");
        assertTrue(openFinding("SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000db"), "the open port is a finding");
        assertEquals(1, count("select count(*) from outbox_event where tenant_id = ? and type = 'run.finished'"));

        long findingEvents = count("select count(*) from outbox_event where tenant_id = ? and topic = '" + Topics.FINDINGS + "'");
        String second = scanNow(account).getString("[0].id");
        execute(worker("a"));
        JsonPath again = run(second);
        assertEquals("SUCCEEDED", again.getString("run.status"));
        assertEquals("MANUAL", again.getString("run.trigger"));
        assertEquals(0, again.getInt("run.findings.created"));
        assertEquals(0, again.getInt("run.findings.resolved"));
        assertEquals(findingEvents, count("select count(*) from outbox_event where tenant_id = ? and topic = '"
                + Topics.FINDINGS + "'"), "a second scan of an unchanged account changes no finding");

        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/scans?limit=1", tenant).then().statusCode(200)
                .body("items[0].id", is(second)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRefusedActionIsAccessDeniedAndResolvesNothing() throws Exception {
        String account = connect(EXPOSED_DB);
        scanNow(account);
        execute(worker("a"));
        assertTrue(openFinding("RdsNotPubliclyAccessible", "customers-prod"));

        List<String> actions = new ArrayList<>(CollectorPermissions.requiredActions(false));
        actions.remove("rds:DescribeDBInstances");
        sandbox.estate().setAllowedActions(EXPOSED_DB, ROLE, actions);
        String runId = scanNow(account).getString("[0].id");
        execute(worker("a"));

        JsonPath run = run(runId);
        assertEquals("PARTIAL", run.getString("run.status"), run.prettify());
        Map<String, Object> rds = source(run, "us-east-1", "EXPOSURE_RDS");
        assertEquals("ACCESS_DENIED", rds.get("status"));
        assertEquals("rds:DescribeDBInstances", rds.get("deniedAction"));
        assertEquals("OK", source(run, "us-east-1", "EXPOSURE_EC2").get("status"));
        assertTrue(openFinding("RdsNotPubliclyAccessible", "customers-prod"), "a refused call resolves nothing");
    }

    @Test
    void aCapabilityTheRoleLacksIsDeniedWithoutCallingAws() throws Exception {
        List<String> actions = new ArrayList<>(CollectorPermissions.requiredActions(false));
        actions.remove("backup:ListBackupPlans");
        sandbox.estate().setAllowedActions(EXPOSED_DB, ROLE, actions);
        String account = connect(EXPOSED_DB);
        String runId = scanNow(account).getString("[0].id");
        execute(worker("a"));

        JsonPath run = run(runId);
        assertEquals("PARTIAL", run.getString("run.status"));
        Map<String, Object> backup = source(run, "us-east-1", "BACKUP");
        assertEquals("ACCESS_DENIED", backup.get("status"));
        assertEquals("backup:ListBackupPlans", backup.get("deniedAction"));
        assertEquals(0, backup.get("apiCalls"));
    }

    @Test
    void aRoleThatRefusesAssumeRoleFailsTheRunAndTheAccount() throws Exception {
        String account = connect(EXPOSED_DB);
        deployStack(EXPOSED_DB, "cw-someone-changed-the-stack-parameter-000000");
        String runId = scanNow(account).getString("[0].id");
        execute(worker("a"));

        assertEquals("FAILED", run(runId).getString("run.status"));
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/accounts/{a}", tenant, account).then()
                .statusCode(200).body("status", is("FAILING")).body("statusDetail", containsString("AssumeRole"));
    }

    @Test
    void aRunWhoseInstanceDiedIsTakenOverOnceItsLeaseExpires() throws Exception {
        String account = connect(EXPOSED_DB);
        String runId = scanNow(account).getString("[0].id");
        List<RunClaim> dead = leases.claim("crashed-instance", Duration.ofMinutes(2), 10);
        assertEquals(List.of(UUID.fromString(runId)), dead.stream().map(RunClaim::runId).toList());

        RunWorker survivor = worker("survivor");
        assertEquals(List.of(), survivor.poll(), "a live lease is respected");
        sql("update scan_run set lease_until = now() - interval '1 second' where id = '" + runId + "'");
        assertEquals(1, survivor.poll().size());
        assertTrue(survivor.awaitIdle(Duration.ofMinutes(2)));

        JsonPath run = run(runId);
        assertEquals("SUCCEEDED", run.getString("run.status"));
        assertEquals(2, run.getInt("run.attempts"));
        assertEquals(run.getInt("run.sourcesTotal"), run.getList("sources").size());
        assertEquals(1, count("select count(*) from outbox_event where tenant_id = ? and type = 'run.finished'"));
        // The crashed instance cannot finish or record anything any more.
        assertEquals(RunLeases.Lease.LOST, leases.heartbeat(dead.getFirst(), Duration.ofMinutes(2)));
    }

    @Test
    void runsCanBeCancelledQueuedOrRunning() throws Exception {
        String account = connect(EXPOSED_DB);
        String queued = scanNow(account).getString("[0].id");
        given().auth().oauth2(alice).when().post("/api/v1/tenants/{t}/scans/{r}/cancel", tenant, queued).then()
                .statusCode(200).body("status", is("CANCELLED"));
        given().auth().oauth2(alice).when().post("/api/v1/tenants/{t}/scans/{r}/cancel", tenant, queued).then()
                .statusCode(409);

        sandbox.faults().add(FaultRule.parse("latency millis=400"));
        String running = scanNow(account).getString("[0].id");
        RunWorker worker = worker("a");
        assertEquals(1, worker.poll().size());
        Thread.sleep(1500);
        given().auth().oauth2(alice).when().post("/api/v1/tenants/{t}/scans/{r}/cancel", tenant, running).then()
                .statusCode(200).body("cancelRequested", is(true));
        assertTrue(worker.awaitIdle(Duration.ofMinutes(1)));
        JsonPath run = run(running);
        assertEquals("CANCELLED", run.getString("run.status"));
        assertTrue(run.getInt("run.sourcesDone") < run.getInt("run.sourcesTotal"), "it stopped between sources");
    }

    @Test
    void twoWorkersNeverRunTheSameRun() throws Exception {
        List<String> accounts = List.of(connect(CODESPACES), connect(EXPOSED_DB), connect(BLIND_SPOTS), connect(WELL_RUN));
        RunWorker a = worker("instance-a");
        RunWorker b = worker("instance-b");
        List<RunClaim> claimedByA = new ArrayList<>();
        List<RunClaim> claimedByB = new ArrayList<>();
        for (int round = 0; round < 20 && claimedByA.size() + claimedByB.size() < accounts.size(); round++) {
            CompletableFuture<List<RunClaim>> pollA = CompletableFuture.supplyAsync(a::poll);
            CompletableFuture<List<RunClaim>> pollB = CompletableFuture.supplyAsync(b::poll);
            claimedByA.addAll(pollA.get());
            claimedByB.addAll(pollB.get());
            Thread.sleep(200);
        }
        assertTrue(a.awaitIdle(Duration.ofMinutes(2)) && b.awaitIdle(Duration.ofMinutes(2)));

        Set<UUID> runsOfA = new HashSet<>(claimedByA.stream().map(RunClaim::runId).toList());
        Set<UUID> runsOfB = new HashSet<>(claimedByB.stream().map(RunClaim::runId).toList());
        assertEquals(claimedByA.size(), runsOfA.size());
        assertEquals(claimedByB.size(), runsOfB.size());
        assertTrue(runsOfA.stream().noneMatch(runsOfB::contains), "no run claimed by both");
        assertEquals(accounts.size(), runsOfA.size() + runsOfB.size());
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/scans", tenant).then().statusCode(200)
                .body("items.size()", is(4)).body("items.attempts", is(List.of(1, 1, 1, 1)))
                .body("items.status.findAll { it == 'SUCCEEDED' }.size()", is(4));
        assertEquals(4, count("select count(*) from outbox_event where tenant_id = ? and type = 'run.finished'"));
    }

    @Test
    void anotherTenantCannotSeeOrCancelRuns() {
        String account = connect(EXPOSED_DB);
        String runId = scanNow(account).getString("[0].id");
        String mallory = TestPeople.create("scan-other").token();
        UUID other = TenantFixtures.createTenant(mallory, "other");
        String otherToken = TenantFixtures.createApiTokenWithoutMfaCheck(other);

        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/scans", other).then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/scans/{r}", other, runId).then().statusCode(404);
        given().auth().oauth2(otherToken).when().post("/api/v1/tenants/{t}/scans/{r}/cancel", other, runId).then()
                .statusCode(404);
        given().auth().oauth2(otherToken).contentType(ContentType.JSON).body(Map.of("accountId", account))
                .when().post("/api/v1/tenants/{t}/scans", other).then().statusCode(404);
        given().auth().oauth2(otherToken).contentType(ContentType.JSON)
                .body(Map.of("threatsMinutes", 30)).when()
                .put("/api/v1/tenants/{t}/scan-schedules/accounts/{a}", other, account).then().statusCode(404);
        given().auth().oauth2(otherToken).when().get("/api/v1/tenants/{t}/scans/{r}", tenant, runId).then().statusCode(404);
    }

    @Test
    void schedulesHaveTenantDefaultsAndAccountOverrides() {
        String account = connect(EXPOSED_DB);
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/scan-schedules", tenant).then().statusCode(200)
                .body("defaults.threatsMinutes", is(15)).body("defaults.postureMinutes", is(360))
                .body("accounts.size()", is(2));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("postureMinutes", 120))
                .when().put("/api/v1/tenants/{t}/scan-schedules", tenant).then().statusCode(200)
                .body("defaults.postureMinutes", is(120))
                .body("accounts.find { it.family == 'POSTURE' }.minutes", is(120));
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("threatsMinutes", 60))
                .when().put("/api/v1/tenants/{t}/scan-schedules/accounts/{a}", tenant, account).then().statusCode(200)
                .body("accounts.find { it.family == 'THREATS' }.ownMinutes", is(60))
                .body("accounts.find { it.family == 'POSTURE' }.ownMinutes", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("threatsMinutes", 1))
                .when().put("/api/v1/tenants/{t}/scan-schedules", tenant).then().statusCode(400);
    }

    private RunWorker worker(String name) {
        return new RunWorker(name, leases, executor, Duration.ofMinutes(2), Duration.ofSeconds(1), 4);
    }

    private static void execute(RunWorker worker) throws InterruptedException {
        assertTrue(!worker.poll().isEmpty(), "nothing to run");
        assertTrue(worker.awaitIdle(Duration.ofMinutes(2)), "the run did not end in time");
    }

    private String connect(String accountId) {
        String externalId;
        JsonPath connection = given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("kind", "ACCOUNT"))
                .when().post("/api/v1/tenants/{t}/connections", tenant).then().statusCode(201).extract().jsonPath();
        externalId = connection.getString("externalId");
        deployStack(accountId, externalId);
        return given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("connectionId", connection.getString("id"), "roleArn",
                        "arn:aws:iam::" + accountId + ":role/" + ROLE, "regions", REGIONS))
                .when().post("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(201).extract().path("id");
    }

    /** What creating the customer's stack does: the role now demands this ExternalId. */
    private void deployStack(String account, String externalId) {
        Role role = sandbox.estate().role(account, ROLE).orElseThrow();
        sandbox.estate().putRole(account, role.withExternalId(externalId));
    }

    private JsonPath scanNow(String account) {
        return given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("accountId", account))
                .when().post("/api/v1/tenants/{t}/scans", tenant).then().statusCode(202).extract().jsonPath();
    }

    private JsonPath run(String runId) {
        return given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/scans/{r}", tenant, runId).then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> source(JsonPath run, String region, String source) {
        return run.getMap("sources.find { it.region == '" + region + "' && it.source == '" + source + "' }");
    }

    private boolean openFinding(String checkId, String resourceId) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from finding where tenant_id = ? and check_id = ? and resource_id like ? and status = 'OPEN'")) {
            ps.setObject(1, tenant);
            ps.setString(2, checkId);
            ps.setString(3, "%" + resourceId + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= 1;
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void sql(String statement) {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
