package io.cloudward.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.api.TenantFixtures;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.ResourceRef;
import io.cloudward.events.Topics;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.Destinations;
import io.cloudward.integrations.webhook.WebhookSignature;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alerts end to end against real receivers on loopback: a finding written through the store → outbox →
 * Kafka → routing consumer → delivery worker → the vendor's endpoint.
 */
@QuarkusTest
class AlertsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantRunner runner;
    @Inject
    TenantRepository tenants;
    @Inject
    FindingStore store;
    @Inject
    Destinations destinations;
    @Inject
    AlertRouter router;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    Receiver receiver;
    UUID tenant;
    UUID account;
    String accountId;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new Receiver();
        tenant = UUID.randomUUID();
        runner.run(TenantRunner.system(tenant, "test"), () -> tenants.persist(Tenant.create(tenant, "alerts-" + System.nanoTime(), "Alerts")));
        accountId = String.valueOf(100_000_000_000L + (long) (Math.random() * 899_999_999_999L));
        account = UUID.randomUUID();
        runner.run(TenantRunner.system(tenant, "test"), () -> Arc.container().instance(EntityManager.class).get().createNativeQuery("""
                        insert into aws_account (id, tenant_id, account_id, name, role_arn, external_id, status)
                        values (?1, ?2, ?3, 'prod-main', ?4, ?5, 'CONNECTED')""")
                .setParameter(1, account).setParameter(2, tenant).setParameter(3, accountId)
                .setParameter(4, "arn:aws:iam::" + accountId + ":role/CloudwardReadOnly").setParameter(5, "ext-" + UUID.randomUUID())
                .executeUpdate());
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private Destinations.Created destination(String name, DestinationKind kind, Map<String, String> settings) {
        return runner.call(TenantRunner.system(tenant, "test"),
                () -> destinations.create(new Destinations.Draft(name, kind, settings, 5, true)));
    }

    /** The root user without MFA: a CRITICAL finding, which the default "Critical findings" rule sends everywhere. */
    private void rootMfa(CheckStatus status) {
        ScopeUpdate update = store.begin(tenant, account, accountId, "global", "iam", false);
        update.accept(new CheckResult("RootMfaEnabled", status, ResourceRef.of("AwsAccount", "root", "global", accountId),
                "root MFA " + status, Map.of(), null));
        update.finish();
    }

    private JsonNode json(Receiver.Request r) throws Exception {
        return JSON.readTree(r.body());
    }

    private <T> T sql(String query, Object... params) {
        return runner.call(TenantRunner.system(tenant, "test"), () -> {
            var q = Arc.container().instance(EntityManager.class).get().createNativeQuery(query);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            @SuppressWarnings("unchecked")
            T result = (T) q.getSingleResult();
            return result;
        });
    }

    @Test
    void everyVendorGetsItsFormatAndTicketsFollowTheFinding() throws Exception {
        receiver.answer("/jira/rest/api/3/issue", 201, "{\"id\":\"10001\",\"key\":\"SEC-1\",\"self\":\"https://jira.example/rest/api/3/issue/10001\"}");
        receiver.answer("/sn/api/now/table/incident", 201, "{\"result\":{\"sys_id\":\"6816f79cc0a8016401c5a33be04be441\",\"number\":\"INC0010001\"}}");
        receiver.answer("/pd", 202, "{\"status\":\"success\",\"dedup_key\":\"x\"}");
        String secret = destination("hook", DestinationKind.WEBHOOK, Map.of("url", receiver.url("/webhook"))).signingSecret();
        assertNotNull(secret, "a webhook gets a generated signing secret, shown once");
        destination("slack", DestinationKind.SLACK, Map.of("webhookUrl", receiver.url("/slack")));
        destination("teams", DestinationKind.TEAMS, Map.of("webhookUrl", receiver.url("/teams")));
        destination("pd", DestinationKind.PAGERDUTY, Map.of("eventsUrl", receiver.url("/pd/v2/enqueue"), "routingKey", "R0UTINGKEY0123456789abcdef012345"));
        destination("jira", DestinationKind.JIRA, Map.of("baseUrl", receiver.url("/jira"), "email", "bot@example.com",
                "apiToken", "jira-token-123", "projectKey", "SEC", "issueType", "Bug", "resolveTransitionId", "31"));
        destination("sn", DestinationKind.SERVICENOW, Map.of("instanceUrl", receiver.url("/sn"), "username", "cloudward",
                "password", "sn-pass-123", "closeCode", "Solved (Permanently)"));

        rootMfa(CheckStatus.FAIL);
        String fingerprint = sql("select fingerprint from finding where check_id = 'RootMfaEnabled'");

        Receiver.Request hook = receiver.await(r -> r.path().equals("/webhook"), 1, WAIT).getFirst();
        JsonNode body = json(hook);
        assertEquals("finding.created", body.at("/event/type").asText());
        assertEquals("Critical findings", body.at("/rule/name").asText());
        assertEquals(hook.header("Idempotency-Key"), body.get("deliveryId").asText());
        assertEquals("t=" + hook.header("Cloudward-Timestamp"), hook.header("Cloudward-Signature").split(",")[0]);
        assertTrue(WebhookSignature.verify(secret, hook.header("Cloudward-Signature"), hook.body(),
                System.currentTimeMillis() / 1000, 300), "the signature verifies over timestamp.body");

        JsonNode slack = json(receiver.await(r -> r.path().equals("/slack"), 1, WAIT).getFirst());
        assertFalse(slack.get("text").asText().isBlank());
        assertEquals("header", slack.at("/blocks/0/type").asText());
        assertEquals("plain_text", slack.at("/blocks/0/text/type").asText());
        assertEquals("section", slack.at("/blocks/1/type").asText());

        JsonNode teams = json(receiver.await(r -> r.path().equals("/teams"), 1, WAIT).getFirst());
        assertEquals("message", teams.get("type").asText());
        assertEquals("application/vnd.microsoft.card.adaptive", teams.at("/attachments/0/contentType").asText());
        assertEquals("AdaptiveCard", teams.at("/attachments/0/content/type").asText());
        assertFalse(teams.at("/attachments/0/content/version").asText().isBlank());
        assertFalse(teams.at("/attachments/0/content/body").isEmpty());

        JsonNode pd = json(receiver.await(r -> r.path().startsWith("/pd"), 1, WAIT).getFirst());
        assertEquals("R0UTINGKEY0123456789abcdef012345", pd.get("routing_key").asText());
        assertEquals("trigger", pd.get("event_action").asText());
        assertEquals(fingerprint, pd.get("dedup_key").asText());
        assertEquals("critical", pd.at("/payload/severity").asText());
        assertFalse(pd.at("/payload/summary").asText().isBlank());
        assertEquals("aws:" + accountId + "/global", pd.at("/payload/source").asText());

        Receiver.Request jiraCreate = receiver.await(r -> r.path().equals("/jira/rest/api/3/issue"), 1, WAIT).getFirst();
        JsonNode jira = json(jiraCreate);
        assertEquals("POST", jiraCreate.method());
        assertTrue(jiraCreate.header("Authorization").startsWith("Basic "));
        assertEquals("SEC", jira.at("/fields/project/key").asText());
        assertEquals("Bug", jira.at("/fields/issuetype/name").asText());
        assertFalse(jira.at("/fields/summary").asText().isBlank());
        assertEquals("doc", jira.at("/fields/description/type").asText());
        assertEquals(1, jira.at("/fields/description/version").asInt());

        Receiver.Request snCreate = receiver.await(r -> r.path().equals("/sn/api/now/table/incident") && r.method().equals("POST"), 1, WAIT).getFirst();
        JsonNode sn = json(snCreate);
        assertFalse(sn.get("short_description").asText().isBlank());
        assertEquals("1", sn.get("urgency").asText());
        assertEquals("1", sn.get("impact").asText());
        assertEquals(fingerprint, sn.get("correlation_id").asText());

        // The finding resolves: tickets follow it even though no rule matches finding.resolved.
        rootMfa(CheckStatus.PASS);
        JsonNode pdResolve = json(receiver.await(r -> r.path().startsWith("/pd") && r.body().contains("\"resolve\""), 1, WAIT).getFirst());
        assertEquals(fingerprint, pdResolve.get("dedup_key").asText());
        assertEquals("R0UTINGKEY0123456789abcdef012345", pdResolve.get("routing_key").asText());
        JsonNode transition = json(receiver.await(r -> r.path().equals("/jira/rest/api/3/issue/SEC-1/transitions"), 1, WAIT).getFirst());
        assertEquals("31", transition.at("/transition/id").asText());
        assertEquals(1, receiver.requests("/jira/rest/api/3/issue/SEC-1/comment").size(), "a comment with the resolution");
        Receiver.Request snResolve = receiver.await(r -> r.path().equals("/sn/api/now/table/incident/6816f79cc0a8016401c5a33be04be441"), 1, WAIT).getFirst();
        assertEquals("PATCH", snResolve.method());
        assertEquals("6", json(snResolve).get("state").asText());
        assertEquals("Solved (Permanently)", json(snResolve).get("close_code").asText());
        assertEquals(1, receiver.requests("/webhook").size(), "chat and webhook destinations get no resolve: no rule matches it");
        assertEquals(1, receiver.requests("/jira/rest/api/3/issue").stream().filter(r -> r.path().equals("/jira/rest/api/3/issue")).count(),
                "one issue per fingerprint");
    }

    @Test
    void fiveFailuresThenOneAcceptedDelivery() throws Exception {
        receiver.script("/flaky", new Receiver.Answer(500, "down"), new Receiver.Answer(500, "down"), new Receiver.Answer(503, "down"),
                new Receiver.Answer(500, "down"), new Receiver.Answer(502, "down"));
        UUID id = destination("flaky", DestinationKind.WEBHOOK, Map.of("url", receiver.url("/flaky"))).destination().id();
        rootMfa(CheckStatus.FAIL);
        receiver.await(r -> r.path().equals("/flaky"), 6, WAIT);
        Thread.sleep(1_500);
        assertEquals(6, receiver.requests("/flaky").size(), "five failures, one success, nothing after");
        assertEquals(1L, receiver.requests("/flaky").stream().map(r -> r.header("Idempotency-Key")).distinct().count(),
                "every retry is the same delivery");
        assertEquals("DELIVERED", sql("select status from alert_delivery where destination_id = ?1", id));
        assertEquals(6, ((Number) sql("select count(*) from delivery_attempt where destination_id = ?1", id)).intValue());
        assertEquals(5, ((Number) sql("select count(*) from delivery_attempt where destination_id = ?1 and outcome = 'RETRY'", id)).intValue());
    }

    @Test
    void unreachableEndsInDeadLettersAndReplays() throws Exception {
        String token = TenantFixtures.createApiTokenWithoutMfaCheck(tenant);
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String created = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "gone", "kind", "WEBHOOK", "settings", Map.of("url", "http://127.0.0.1:" + closedPort + "/x")))
                .when().post("/api/v1/tenants/{t}/destinations", tenant)
                .then().statusCode(201).body("destination.settings.signingSecret", startsWith("••••"))
                .extract().path("destination.id");
        UUID id = UUID.fromString(created);
        rootMfa(CheckStatus.FAIL);

        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Map<String, Object>> dead = List.of();
        while (dead.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(300);
            dead = given().auth().oauth2(token).when().get("/api/v1/tenants/{t}/dead-letters", tenant)
                    .then().statusCode(200).extract().path("items");
        }
        assertEquals(1, dead.size(), "dead-lettered after the last attempt");
        assertEquals(6, dead.getFirst().get("attempts"));
        given().auth().oauth2(token).when().get("/api/v1/tenants/{t}/destinations/{d}/deliveries", tenant, id)
                .then().statusCode(200).body("items.size()", equalTo(6)).body("items[0].outcome", equalTo("RETRY"));

        // Point it at a working receiver (If-Match required), replay, and it is delivered.
        String etag = given().auth().oauth2(token).when().get("/api/v1/tenants/{t}/destinations/{d}", tenant, id)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("settings", Map.of("url", receiver.url("/back"))))
                .when().put("/api/v1/tenants/{t}/destinations/{d}", tenant, id).then().statusCode(428);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("settings", Map.of("url", receiver.url("/back"))))
                .when().put("/api/v1/tenants/{t}/destinations/{d}", tenant, id).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "again")).when().put("/api/v1/tenants/{t}/destinations/{d}", tenant, id).then().statusCode(412);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/tenants/{t}/dead-letters/{id}/replay", tenant, dead.getFirst().get("id"))
                .then().statusCode(202);
        receiver.await(r -> r.path().equals("/back"), 1, WAIT);
    }

    @Test
    void refusedDestinations() {
        String token = TenantFixtures.createApiTokenWithoutMfaCheck(tenant);
        for (String url : new String[] {"https://10.0.0.1/hook", "https://10.200.3.4:8443/hook", "https://169.254.169.254/latest/meta-data/",
                "http://example.com/hook", "https://[::ffff:169.254.169.254]/"}) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", "bad", "kind", "WEBHOOK", "settings", Map.of("url", url)))
                    .when().post("/api/v1/tenants/{t}/destinations", tenant)
                    .then().statusCode(400).body("errors[0].field", equalTo("settings.url"));
        }
        // Names that resolve to internal addresses pass when saved, and are refused at connect time.
        for (String host : new String[] {"internal.test", "metadata.test"}) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", host, "kind", "SLACK", "settings", Map.of("webhookUrl", "https://" + host + "/services/T/B/x")))
                    .when().post("/api/v1/tenants/{t}/destinations", tenant).then().statusCode(201).extract().path("destination.id");
            given().auth().oauth2(token).contentType(ContentType.JSON).when()
                    .post("/api/v1/tenants/{t}/destinations/{d}/test", tenant, id)
                    .then().statusCode(200).body("outcome", equalTo("REFUSED"));
        }
    }

    @Test
    void theSameEventTwiceIsDeliveredOnce() throws Exception {
        destination("hook", DestinationKind.WEBHOOK, Map.of("url", receiver.url("/once")));
        UUID eventId = UUID.randomUUID();
        String envelope = JSON.writeValueAsString(Map.of("eventId", eventId.toString(), "type", "finding.created", "version", 1,
                "tenantId", tenant.toString(), "accountId", accountId, "region", "eu-west-1", "occurredAt", "2026-11-23T08:00:00Z",
                "data", Map.of("findingId", UUID.randomUUID().toString(), "fingerprint", "fp-" + eventId, "checkId", "RootMfaEnabled",
                        "category", "identity", "severity", "CRITICAL", "title", "Root has no MFA", "status", "OPEN")));
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FINDINGS, accountId, envelope)).get();
            producer.send(new ProducerRecord<>(Topics.FINDINGS, accountId, envelope)).get();
        }
        receiver.await(r -> r.path().equals("/once"), 1, WAIT);
        Thread.sleep(2_000);
        assertEquals(1, receiver.requests("/once").size());
        assertEquals(1, ((Number) sql("select count(*) from alert_delivery where event_id = ?1", eventId)).intValue());
        assertEquals(0, (int) runner.call(TenantRunner.system(tenant, "test"), () -> router.route(AlertEvent.of(readTree(envelope)))),
                "routing it again does nothing");
    }

    @Test
    void throttleHoldsBackAndCountsIntoTheNextMessage() throws Exception {
        String token = TenantFixtures.createApiTokenWithoutMfaCheck(tenant);
        UUID hook = destination("throttled", DestinationKind.WEBHOOK, Map.of("url", receiver.url("/throttled"))).destination().id();
        List<String> defaults = given().auth().oauth2(token).when().get("/api/v1/tenants/{t}/alert-rules", tenant)
                .then().statusCode(200).extract().path("builtin");
        assertEquals(List.of("critical-findings", "incidents", "watcher-blinded", "database-exposed"), defaults);
        String ruleId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "SSH open", "match", Map.of("checkIds", List.of("SecurityGroupOpen*"), "minSeverity", "medium"),
                        "action", Map.of("destinationIds", List.of(hook), "throttleMinutes", 60)))
                .when().post("/api/v1/tenants/{t}/alert-rules", tenant).then().statusCode(201).header("ETag", "\"v1\"")
                .extract().path("id");

        ScopeUpdate update = store.begin(tenant, account, accountId, "eu-west-1", "exposure", false);
        for (String sg : List.of("sg-1", "sg-2", "sg-3")) {
            update.accept(new CheckResult("SecurityGroupOpenSsh", CheckStatus.FAIL, ResourceRef.of("AwsEc2SecurityGroup", sg, "eu-west-1", accountId),
                    "ssh open on " + sg, Map.of("port", 22), "EXPOSED"));
        }
        update.finish();
        receiver.await(r -> r.path().equals("/throttled"), 1, WAIT);
        Thread.sleep(2_000);
        assertEquals(1, receiver.requests("/throttled").size(), "one message per rule and account in the window");

        // The window ends: the next event's message counts the two held back.
        runner.run(TenantRunner.system(tenant, "test"), () -> Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("update alert_throttle set window_until = now() - interval '1 second'").executeUpdate());
        ScopeUpdate next = store.begin(tenant, account, accountId, "eu-west-1", "exposure", false);
        next.accept(new CheckResult("SecurityGroupOpenSsh", CheckStatus.FAIL, ResourceRef.of("AwsEc2SecurityGroup", "sg-4", "eu-west-1", accountId),
                "ssh open on sg-4", Map.of("port", 22), "EXPOSED"));
        next.finish();
        Receiver.Request second = receiver.await(r -> r.path().equals("/throttled"), 2, WAIT).get(1);
        assertEquals(2, json(second).get("heldBack").asInt());

        given().auth().oauth2(token).when().get("/api/v1/tenants/{t}/alert-rules/{r}/preview", tenant, ruleId)
                .then().statusCode(200).body("matched", equalTo(4)).body("days", equalTo(7));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().put("/api/v1/tenants/{t}/alert-rules/{r}", tenant, ruleId).then().statusCode(428);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"v1\"").body(Map.of("enabled", false))
                .when().put("/api/v1/tenants/{t}/alert-rules/{r}", tenant, ruleId).then().statusCode(200).header("ETag", "\"v2\"")
                .body("enabled", equalTo(false));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "match", Map.of("minSeverity", "severe"), "action", Map.of("allDestinations", true)))
                .when().post("/api/v1/tenants/{t}/alert-rules", tenant).then().statusCode(400);
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
