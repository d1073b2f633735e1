package io.cloudward.collect;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.cloudward.api.TenantFixtures;
import io.cloudward.devstack.Tokens;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.cloudward.sandbox.estate.EstateReader;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * What a security engineer expects Cloudward to find in each sandbox scenario, through the whole engine
 * (accounts connected through the API, runs executed by a {@link RunWorker}, findings in PostgreSQL); how the
 * findings move when the estate changes; and what a run says when AWS throttles, a region does not answer
 * and a service refuses. Calls time out after 8 s in the test profile, so the silent region costs seconds, not minutes.
 */
@QuarkusTest
class ScenarioFindingsIT {

    private static final String CODESPACES = "111111111111";
    private static final String EXPOSED_DB = "222222222222";
    private static final String BLIND_SPOTS = "333333333333";
    private static final String WELL_RUN = "444444444444";
    private static final String ROLE = "CloudwardSecurityAudit";

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
    private final Map<String, String> externalIds = new HashMap<>();

    @BeforeEach
    void setUp() {
        sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        alice = Tokens.accessToken("alice");
        tenant = TenantFixtures.createTenant(alice, "scenarios");
        sql("update scan_run set status = 'CANCELLED', finished_at = now(), lease_owner = null where status in ('QUEUED', 'RUNNING')");
    }

    @AfterEach
    void resetSandbox() {
        sandbox.faults().clear();
        sandbox.reset();
    }

    @Test
    void exposedDatabasesAreFound() throws Exception {
        String account = connect(EXPOSED_DB, List.of("us-east-1"));
        assertEquals("SUCCEEDED", scan(account).getString("run.status"));

        assertOpen("RdsNotPubliclyAccessible", "customers-prod");
        assertOpen("RdsNotPubliclyAccessible", "orders-mysql");
        assertOpen("RdsStorageEncrypted", "customers-prod");
        assertTrue(openDescription("SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000db").contains("5432"));
        assertTrue(openDescription("SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000db").contains("3306"));
        String cache = openDescription("SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000ca");
        assertTrue(cache.contains("27017") && cache.contains("6379"), cache);
        assertTrue(severity("SecurityGroupOpenDatabasePorts", "sg-0e4b05ed0b00000db") >= 3,
                "open to the internet and attached to public IPs: high or critical");
        assertOpen("S3BucketPolicyNotPublic", "exposed-db-customer-exports");
        assertOpen("CryptoCurrency:EC2/BitcoinTool.B!DNS", "i-0e4b05ed0b0000002");
        assertEquals(0, count("select count(*) from finding where tenant_id = ? and status = 'OPEN' and resource_id like "
                + "'%sg-0e4b05ed0b00000eb%' and check_id like 'SecurityGroup%'"), "HTTPS open to the world is not a finding");
        assertNoDuplicates();
    }

    @Test
    void blindSpotsAreFound() throws Exception {
        String account = connect(BLIND_SPOTS, List.of("eu-west-1", "ap-southeast-2", "ap-northeast-3"));
        scan(account);

        assertTrue(count("select count(*) from finding where tenant_id = ? and status = 'OPEN' and check_id like 'GuardDuty%' "
                + "and check_id not like '%Protection%' and (region = 'ap-northeast-3' or description like '%ap-northeast-3%')") >= 1,
                "GuardDuty is off in ap-northeast-3: " + openChecks());
        assertOpen("CloudTrailTrailLogging", "main");
        assertOpen("ConfigRecorderRecording", "eu-west-1");
        assertOpen("ConsoleUserMfaEnabled", "contractor");
        assertOpen("SecurityGroupOpenSsh", "sg-0b11d5b075000e0b1");
        assertNoDuplicates();
    }

    /**
     * An instance in a region the customer does not use (ap-southeast-2 here) cannot be found yet: a run
     * declares every covered region as used (RunExecutor: {@code withUsedRegions(account.regions())}) and
     * collects only covered regions, so Ec2InstancesOnlyInUsedRegions always passes. Needs "used regions"
     * per account, separate from the covered ones.
     */
    @Test
    @Disabled("engine gap: accounts have no used regions apart from the covered ones")
    void anInstanceInAnUnusedRegionIsFound() throws Exception {
        String account = connect(BLIND_SPOTS, List.of("eu-west-1", "ap-southeast-2"));
        scan(account);
        assertOpen("Ec2InstancesOnlyInUsedRegions", "ap-southeast-2");
    }

    @Test
    void theCodeSpacesAttackIsOneCriticalIncident() throws Exception {
        String account = connect(CODESPACES, List.of("us-east-1", "eu-west-1"));
        scan(account);

        for (String signal : List.of("CONSOLE_LOGIN_WITHOUT_MFA:%", "ROOT_ACTIVITY:%", "%:StopLogging", "%:DeleteDetector",
                "%:DeleteRecoveryPoint", "%:DeleteBackupVault")) {
            assertTrue(count("select count(*) from finding where tenant_id = ? and status = 'OPEN' and check_id like '"
                    + signal + "'") >= 1, signal + " is a finding: " + openChecks());
        }
        assertEquals(1, count("select count(*) from incident where tenant_id = ?"), "one incident");
        assertEquals(1, count("select count(*) from incident where tenant_id = ? and status = 'OPEN' and severity = 4"),
                "it is open and critical");
        JsonPath incidents = given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/incidents", tenant).then()
                .statusCode(200).extract().jsonPath();
        String id = incidents.getString("items[0].id");
        JsonPath incident = given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/incidents/{i}", tenant, id).then()
                .statusCode(200).extract().jsonPath();
        List<String> timeline = incident.getList("incident.timeline.checkId", String.class);
        assertTrue(timeline.size() >= 5, incident.prettify());
        assertTrue(timeline.stream().anyMatch(c -> c.endsWith(":StopLogging")), timeline.toString());
        assertTrue(timeline.stream().anyMatch(c -> c.endsWith(":DeleteRecoveryPoint")), timeline.toString());
        List<Instant> when = incident.getList("incident.timeline.occurredAt", String.class).stream().map(Instant::parse).toList();
        assertEquals(when.stream().sorted().toList(), when, "the timeline is in the order things happened");

        scan(account);
        assertEquals(1, count("select count(*) from incident where tenant_id = ?"), "a re-run makes no second incident");
        assertNoDuplicates();
    }

    @Test
    void aWellRunAccountHasNoHighExposure() throws Exception {
        String account = connect(WELL_RUN, List.of("eu-central-1"));
        assertEquals("SUCCEEDED", scan(account).getString("run.status"));
        assertTrue(count("select count(*) from finding where tenant_id = ?") > 0, "it was judged");
        assertEquals(List.of(), strings("select check_id || ' ' || resource_id from finding where tenant_id = ? and status = 'OPEN' "
                + "and severity >= 3 and category = 'exposure'"));
    }

    @Test
    void findingsFollowTheEstateWithoutDuplicates() throws Exception {
        String account = connect(EXPOSED_DB, List.of("us-east-1"));
        scan(account);
        int total = (int) count("select count(*) from finding where tenant_id = ?");
        long guardDutySeen = occurrences();

        // A day later GuardDuty has seen the miner again: the same finding, updated.
        sandbox.clock().advance(Duration.ofDays(1));
        JsonPath later = scan(account);
        assertTrue(later.getInt("run.findings.updated") > 0, later.prettify());
        assertTrue(occurrences() > guardDutySeen, "GuardDuty saw its findings again: occurrences went up");

        // The database is made private and a new bucket is opened: one finding resolves, one is created.
        loadExposedDb(yaml -> yaml.replace("{id: customers-prod, engine: postgres, publiclyAccessible: true",
                        "{id: customers-prod, engine: postgres, publiclyAccessible: false")
                .replace("        - {name: exposed-db-logs,", "        - {name: exposed-db-new-export, region: us-east-1, "
                        + "created: -1d, policy: public}\n        - {name: exposed-db-logs,"));
        JsonPath changed = scan(account);
        assertTrue(changed.getInt("run.findings.created") >= 1, changed.prettify());
        assertTrue(changed.getInt("run.findings.resolved") >= 1, changed.prettify());
        assertEquals("RESOLVED", status("RdsNotPubliclyAccessible", "customers-prod"));
        assertOpen("S3BucketPolicyNotPublic", "exposed-db-new-export");

        // Someone makes it public again: the same finding reopens, and the new bucket is gone.
        loadExposedDb(yaml -> yaml);
        JsonPath reopened = scan(account);
        assertTrue(reopened.getInt("run.findings.reopened") >= 1, reopened.prettify());
        assertEquals("OPEN", status("RdsNotPubliclyAccessible", "customers-prod"));
        assertEquals(1, count("select reopened_count from finding where tenant_id = ? and check_id = 'RdsNotPubliclyAccessible' "
                + "and resource_id like '%customers-prod%'"));
        assertEquals("RESOLVED", status("S3BucketPolicyNotPublic", "exposed-db-new-export"));
        assertEquals(Set.of("CREATED", "UPDATED", "RESOLVED", "REOPENED"), new TreeSet<>(strings(
                "select distinct type from finding_event where tenant_id = ? and type in ('CREATED', 'UPDATED', 'RESOLVED', 'REOPENED')")));
        assertNoDuplicates();
        assertTrue(count("select count(*) from finding where tenant_id = ?") > total, "new findings were added, none replaced");
    }

    @Test
    void throttlingASilentRegionAndARefusedServiceAreReportedAndLoseNothing() throws Exception {
        String account = connect(EXPOSED_DB, List.of("us-east-1", "eu-west-1"));
        assertEquals("SUCCEEDED", scan(account).getString("run.status"));
        List<String> before = strings("select fingerprint from finding where tenant_id = ? and status = 'OPEN' order by 1");

        sandbox.faults().add(FaultRule.parse("throttle account=" + EXPOSED_DB + " rate=0.3"));
        sandbox.faults().add(FaultRule.parse("latency account=" + EXPOSED_DB + " region=eu-west-1 millis=60000"));
        sandbox.faults().add(FaultRule.parse("access-denied account=" + EXPOSED_DB + " service=config"));
        JsonPath run = scan(account);

        assertEquals("PARTIAL", run.getString("run.status"), run.prettify());
        assertEquals(run.getInt("run.sourcesTotal"), run.getList("sources").size(), "every source has a status");
        for (Map<String, Object> source : run.<Map<String, Object>>getList("sources")) {
            String name = source.get("source") + " in " + source.get("region") + ": " + source;
            if (source.get("region").equals("eu-west-1")) {
                assertEquals("ERROR", source.get("status"), name);
                assertEquals("ApiCallTimeout", source.get("errorCode"), name);
            } else if (source.get("source").equals("CONFIG")) {
                assertEquals("ACCESS_DENIED", source.get("status"), name);
                assertEquals("config:DescribeConfigurationRecorders", source.get("deniedAction"), name);
            } else {
                assertEquals("OK", source.get("status"), "throttled calls are retried: " + name);
            }
        }
        assertEquals(0, run.getInt("run.findings.resolved"), "what could not be read resolves nothing");
        assertEquals(before, strings("select fingerprint from finding where tenant_id = ? and status = 'OPEN' order by 1"),
                "nothing lost");
        assertNoDuplicates();
    }

    // ---- driving runs -----------------------------------------------------------------------------------

    /** Queues a scan of the account, runs it with a worker of this test and answers the run. */
    private JsonPath scan(String account) throws InterruptedException {
        String runId = given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("accountId", account))
                .when().post("/api/v1/tenants/{t}/scans", tenant).then().statusCode(202).extract().jsonPath().getString("[0].id");
        RunWorker worker = new RunWorker("scenarios", leases, executor, Duration.ofMinutes(2), Duration.ofSeconds(1), 4);
        assertTrue(!worker.poll().isEmpty(), "nothing to run");
        assertTrue(worker.awaitIdle(Duration.ofMinutes(5)), "the run did not end in time");
        return given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/scans/{r}", tenant, runId).then()
                .statusCode(200).extract().jsonPath();
    }

    private String connect(String accountId, List<String> regions) {
        JsonPath connection = given().auth().oauth2(alice).contentType(ContentType.JSON).body(Map.of("kind", "ACCOUNT"))
                .when().post("/api/v1/tenants/{t}/connections", tenant).then().statusCode(201).extract().jsonPath();
        externalIds.put(accountId, connection.getString("externalId"));
        deployStack(accountId);
        return given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body(Map.of("connectionId", connection.getString("id"), "roleArn",
                        "arn:aws:iam::" + accountId + ":role/" + ROLE, "regions", regions))
                .when().post("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(201).extract().path("id");
    }

    /** What creating the customer's stack does: the role now demands the connection's ExternalId. */
    private void deployStack(String accountId) {
        Role role = sandbox.estate().role(accountId, ROLE).orElseThrow();
        sandbox.estate().putRole(accountId, role.withExternalId(externalIds.get(accountId)));
    }

    /** Replaces the exposed-db account with an edited copy of its scenario file (the stack stays deployed). */
    private void loadExposedDb(java.util.function.UnaryOperator<String> edit) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/sandbox/scenarios/exposed-db.yaml")) {
            String yaml = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            sandbox.estate().load(EstateReader.read(yaml.getBytes(StandardCharsets.UTF_8), sandbox.clock().now()));
        }
        deployStack(EXPOSED_DB);
    }

    // ---- reading findings ---------------------------------------------------------------------------------

    private void assertOpen(String checkId, String resource) throws SQLException {
        assertEquals("OPEN", status(checkId, resource), checkId + " on " + resource + "; open: " + openChecks());
    }

    private String status(String checkId, String resource) throws SQLException {
        List<String> found = strings("select status from finding where tenant_id = ? and check_id = '" + checkId
                + "' and (resource_id like '%" + resource + "%' or region = '" + resource + "')");
        assertEquals(1, found.size(), checkId + " on " + resource + ": " + found);
        return found.getFirst();
    }

    private String openDescription(String checkId, String resource) throws SQLException {
        List<String> found = strings("select description from finding where tenant_id = ? and status = 'OPEN' and check_id = '"
                + checkId + "' and resource_id like '%" + resource + "%'");
        assertEquals(1, found.size(), checkId + " on " + resource + "; open: " + openChecks());
        return found.getFirst();
    }

    private long severity(String checkId, String resource) throws SQLException {
        return count("select severity from finding where tenant_id = ? and check_id = '" + checkId + "' and resource_id like '%"
                + resource + "%'");
    }

    /** Occurrences of every GuardDuty finding together. */
    private long occurrences() throws SQLException {
        return count("select coalesce(sum(occurrences), 0) from finding where tenant_id = ? and origin = 'GUARDDUTY'");
    }

    private List<String> openChecks() throws SQLException {
        return strings("select check_id || ' ' || region || ' ' || resource_id from finding where tenant_id = ? and status = 'OPEN' order by 1");
    }

    /** One finding per fingerprint, whatever ran how often. */
    private void assertNoDuplicates() throws SQLException {
        assertEquals(List.of(), strings("select fingerprint from finding where tenant_id = ? group by fingerprint having count(*) > 1"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
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
