package io.cloudward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.ResourceRef;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.integrations.DestinationKind;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * Alert latency: from a finding change (the event's {@code occurredAt}, set in the writing transaction)
 * to the webhook receiver accepting it, through outbox → Kafka → routing consumer → delivery worker, at
 * a sustained rate. Not part of the suite; run alone:
 * {@code ./mvnw -o verify -Dquarkus.http.test-port=18096 -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=AlertLatencyBench -Dbench.rate=500 -Dbench.seconds=60}.
 */
@QuarkusTest
class AlertLatencyBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TenantRunner runner;
    @Inject
    TenantRepository tenants;
    @Inject
    FindingStore store;
    @Inject
    Destinations destinations;

    @Test
    void findingChangeToWebhookAccepted() throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int perTick = Math.max(1, rate / 10);

        Map<String, Long> latencies = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/bench", exchange -> {
            long now = System.currentTimeMillis();
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            JsonNode event = body.path("event");
            latencies.putIfAbsent(event.path("eventId").asText(), now - Instant.parse(event.path("occurredAt").asText()).toEpochMilli());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();

        UUID tenant = UUID.randomUUID();
        runner.run(TenantRunner.system(tenant, "bench"), () -> tenants.persist(Tenant.create(tenant, "bench-" + System.nanoTime(), "Bench")));
        String accountId = "555566667777";
        UUID account = UUID.randomUUID();
        runner.run(TenantRunner.system(tenant, "bench"), () -> Arc.container().instance(EntityManager.class).get().createNativeQuery("""
                        insert into aws_account (id, tenant_id, account_id, name, role_arn, external_id, status)
                        values (?1, ?2, ?3, 'bench', ?4, ?5, 'CONNECTED')""")
                .setParameter(1, account).setParameter(2, tenant).setParameter(3, accountId)
                .setParameter(4, "arn:aws:iam::" + accountId + ":role/CloudwardReadOnly").setParameter(5, "ext-" + UUID.randomUUID())
                .executeUpdate());
        runner.run(TenantRunner.system(tenant, "bench"), () -> destinations.create(new Destinations.Draft("bench", DestinationKind.WEBHOOK,
                Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/bench"), 10, true)));
        // RootMfaEnabled is CRITICAL: the default "Critical findings" rule sends every one of them to the webhook.
        int emitted = 0;
        long start = System.nanoTime();
        long behind = 0;
        for (int tick = 0; tick < seconds * 10; tick++) {
            long due = start + tick * 100_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } else {
                behind = Math.max(behind, -wait / 1_000_000);
            }
            ScopeUpdate update = store.begin(tenant, account, accountId, "global", "iam", false);
            for (int i = 0; i < perTick; i++) {
                update.accept(new CheckResult("RootMfaEnabled", CheckStatus.FAIL,
                        ResourceRef.of("AwsIamUser", "user-" + tick + "-" + i, "global", accountId), "bench", Map.of(), null));
            }
            update.finish();
            emitted += perTick;
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long drainStart = System.nanoTime();
        while (latencies.size() < emitted && System.nanoTime() - drainStart < 300_000_000_000L) {
            Thread.sleep(200);
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        server.stop(0);
        List<Long> sorted = new ArrayList<>(latencies.values());
        Collections.sort(sorted);
        System.out.printf("%nAlertLatencyBench: %d events emitted in %.1f s (target %d/s, worst lag behind schedule %d ms), "
                        + "%d accepted by the webhook in %.1f s%n", emitted, writeSeconds, rate, behind, sorted.size(), totalSeconds);
        if (!sorted.isEmpty()) {
            System.out.printf("finding change -> webhook accepted: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.getLast());
        }
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
