package io.cloudward.events;

import io.cloudward.devstack.DevStack;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events written with a state change reach Kafka after commit, in order per key, and none is lost across a broker outage. */
@QuarkusTest
class OutboxIT {

    @Inject
    Outbox outbox;

    @Inject
    TenantRunner runner;

    @Inject
    TenantRepository tenants;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventsAreDeliveredInOrderAndSurviveABrokerOutage() throws Exception {
        UUID tenantId = UUID.randomUUID();
        Access access = TenantRunner.system(tenantId, "test");
        runner.run(access, () -> tenants.persist(Tenant.create(tenantId, "outbox-" + System.nanoTime(), "Outbox test")));
        String key = "acct-" + tenantId;

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            expected.add(runner.call(access, () -> outbox.emit(Topics.RUNS, key, "run.test", "123456789012", null, Map.of("n", n))).toString());
        }
        // A rolled-back change leaves no event.
        try {
            runner.run(access, () -> {
                outbox.emit(Topics.RUNS, key, "run.test", "123456789012", null, Map.of("n", "never"));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expectedRollback) {
            // the event must vanish with the transaction
        }

        assertEquals(expected, consume(key, expected.size()).stream().distinct().toList(), "delivered in order before the outage");

        DevStack.shared().kafka().stop();
        try {
            // One event per publisher batch, and an outage longer than the publisher's send timeout (4 s in
            // %test): batches are abandoned and re-sent by a new producer while later ones wait.
            for (int i = 3; i < 6; i++) {
                int n = i;
                expected.add(runner.call(access, () -> outbox.emit(Topics.RUNS, key, "run.test", "123456789012", null, Map.of("n", n))).toString());
                Thread.sleep(1_000);
            }
            Thread.sleep(8_000);
        } finally {
            DevStack.shared().kafka().start();
        }

        // At least once and in order: a batch interrupted by the outage may be sent again (consumers drop
        // repeats by event id), but the first delivery of every event is in emission order, none missing.
        assertEquals(expected, consume(key, expected.size()).stream().distinct().toList(), "in order across the outage");
    }

    private List<String> consume(String key, int count) {
        List<String> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.RUNS));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (seen.stream().distinct().count() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        seen.add(new String(r.headers().lastHeader("event-id").value(), StandardCharsets.UTF_8));
                    }
                });
            }
        }
        return seen;
    }
}
