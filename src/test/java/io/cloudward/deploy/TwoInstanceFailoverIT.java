package io.cloudward.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.devstack.AppProcess;
import io.cloudward.devstack.DevStack;
import io.cloudward.devstack.Ports;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxSettings;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.faults.FaultRule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Scale-out on one machine: two Cloudward processes (the packaged application) share one PostgreSQL database
 * and one Kafka; one is killed (SIGKILL) while it is collecting, and the other finishes its runs once their
 * leases expire — every run completed once, every source recorded once, every event published. A
 * {@code @QuarkusTest} so that it shares the suite's running services and reads their addresses from the config.
 */
@QuarkusTest
class TwoInstanceFailoverIT {

    private static final int ACCOUNTS = 10;
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "eu-central-1");

    @Test
    void theSurvivorFinishesWhatTheKilledInstanceWasCollecting() throws Exception {
        // The two instances use the suite's PostgreSQL, Kafka and Keycloak, as the application under test does.
        var appConfig = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        String jdbcUrl = appConfig.getValue("quarkus.datasource.jdbc.url", String.class);
        Map<String, String> stack = DevStack.cloudwardConfig(jdbcUrl,
                appConfig.getValue("kafka.bootstrap.servers", String.class),
                appConfig.getValue("quarkus.oidc.auth-server-url", String.class));
        Path project = Path.of("").toAbsolutePath();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "cloudward_owner", "cloudward_owner")) {
            // Runs other test classes queued (nothing executes them under the test profile) are not ours to collect.
            db.createStatement().executeUpdate("update scan_run set status = 'CANCELLED', finished_at = now() "
                    + "where status in ('QUEUED', 'RUNNING')");
        }
        // Every AWS call takes 60 ms more, so runs last long enough to be caught mid-way.
        try (SandboxServer sandbox = SandboxServer.start(SandboxSettings.defaults().withPort(0).withScenarios(List.of())
                .withGenerated(new GeneratedEstate(ACCOUNTS, REGIONS, 11))
                .withFaults(List.of(FaultRule.parse("latency millis=60"))));
             AppProcess a = start("failover-a", project, stack, sandbox);
             AppProcess b = start("failover-b", project, stack, sandbox)) {
            assertTrue(a.awaitReady(Duration.ofMinutes(3)), "instance a started");
            assertTrue(b.awaitReady(Duration.ofMinutes(3)), "instance b started");

            UUID tenant = UUID.randomUUID();
            var runner = io.quarkus.arc.Arc.container().instance(io.cloudward.tenancy.TenantRunner.class).get();
            var tenants = io.quarkus.arc.Arc.container().instance(io.cloudward.tenancy.TenantRepository.class).get();
            runner.run(io.cloudward.tenancy.TenantRunner.system(tenant, "test"), () -> tenants.persist(
                    io.cloudward.tenancy.Tenant.create(tenant, "failover-" + System.nanoTime(), "Failover")));
            String alice = io.cloudward.api.TenantFixtures.createApiTokenWithoutMfaCheck(tenant);
            // Connect every account, half through each instance; each connection queues a first scan at once.
            List<String> accounts = sandbox.estate().accountIds(0, ACCOUNTS);
            for (int i = 0; i < accounts.size(); i++) {
                connect(i % 2 == 0 ? a : b, alice, tenant, sandbox, accounts.get(i));
            }

            try (Connection db = DriverManager.getConnection(jdbcUrl, "cloudward_owner", "cloudward_owner")) {
                String ours = "tenant_id = '" + tenant + "'";
                awaitRunning(db, ours, "a");
                a.kill();
                long killedAt = System.nanoTime();
                awaitQuiet(db, ours, Duration.ofMinutes(5));
                System.out.printf("failover: all runs finished %d s after instance a was killed%n",
                        Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());

                assertEquals(0, count(db, "select count(*) from scan_run where " + ours + " and status not in ('SUCCEEDED', 'PARTIAL')"),
                        "every run completed: " + rows(db, "select id, status, error from scan_run where " + ours + " and status not in ('SUCCEEDED', 'PARTIAL')"));
                assertTrue(count(db, "select count(*) from scan_run where " + ours + " and trigger = 'CONNECT'") >= ACCOUNTS);
                assertTrue(count(db, "select count(*) from scan_run where " + ours + " and attempts >= 2") >= 1,
                        "at least one run was taken over from the killed instance");
                assertEquals(0, count(db, "select count(*) from scan_run where " + ours + " and sources_done <> sources_total"),
                        "every run recorded every source");
                assertEquals(count(db, "select count(*) from scan_run where " + ours),
                        count(db, "select count(*) from outbox_event where " + ours + " and type = 'run.finished'"),
                        "one run.finished event per run: none lost, none doubled");
                assertEquals(0, count(db, "select count(*) from (select 1 from finding where " + ours + " group by fingerprint having count(*) > 1) d"));
                assertTrue(count(db, "select count(*) from finding where " + ours) > 0, "the runs produced findings");
                awaitPublished(db, ours, Duration.ofSeconds(60));
            }
        }
    }

    private static AppProcess start(String name, Path project, Map<String, String> stack, SandboxServer sandbox) {
        int port = Ports.free();
        Map<String, String> config = new LinkedHashMap<>(stack);
        config.put("cloudward.base-url", "http://localhost:" + port);
        config.put("cloudward.sandbox.enabled", "false");
        config.put("cloudward.demo.enabled", "false");
        config.put("cloudward.aws.endpoint", sandbox.endpoint().toString());
        config.put("cloudward.aws.principal-arn", sandbox.hubCredentials().arn());
        config.put("cloudward.collect.instance-id", name.substring(name.length() - 1));
        config.put("cloudward.collect.tick", "2s");
        config.put("cloudward.collect.lease", "15S");
        config.put("cloudward.collect.heartbeat", "2S");
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", sandbox.hubCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", sandbox.hubCredentials().secretAccessKey(), "AWS_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true");
        return AppProcess.start(name, project, port, config, env, project.resolve("target/failover/" + name + ".log"));
    }

    /** What the customer does: creates the stack with the ExternalId Cloudward generated, then pastes the ARN. */
    private static void connect(AppProcess instance, String token, UUID tenant, SandboxServer sandbox, String account) {
        var connection = given().baseUri(instance.url()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("kind", "ACCOUNT")).when().post("/api/v1/tenants/{t}/connections", tenant)
                .then().statusCode(201).extract().jsonPath();
        Role role = sandbox.estate().role(account, "CloudwardSecurityAudit").orElseThrow();
        sandbox.estate().putRole(account, role.withExternalId(connection.getString("externalId")));
        Map<String, Object> body = new HashMap<>(Map.of("connectionId", connection.getString("id"),
                "roleArn", "arn:aws:iam::" + account + ":role/CloudwardSecurityAudit"));
        given().baseUri(instance.url()).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/tenants/{t}/accounts", tenant).then().statusCode(201);
    }

    private static void awaitRunning(Connection db, String ours, String owner) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (count(db, "select count(*) from scan_run where " + ours + " and status = 'RUNNING' and lease_owner = '" + owner
                    + "' and sources_done > 0") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("instance " + owner + " never ran a scan: " + rows(db, "select status, lease_owner from scan_run where " + ours));
    }

    private static void awaitQuiet(Connection db, String ours, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(db, "select count(*) from scan_run where " + ours + " and status in ('QUEUED', 'RUNNING')") == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("runs still going: " + rows(db, "select status, lease_owner, lease_until, attempts from scan_run where " + ours
                + " and status in ('QUEUED', 'RUNNING')"));
    }

    private static void awaitPublished(Connection db, String ours, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(db, "select count(*) from outbox_event where " + ours + " and published_at is null") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events never published to Kafka: "
                        + count(db, "select count(*) from outbox_event where " + ours + " and published_at is null"));
            }
            Thread.sleep(1000);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String rows(Connection db, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (var statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    out.append(rows.getString(c)).append(c == columns ? "\n" : " ");
                }
            }
        }
        return out.toString();
    }
}
