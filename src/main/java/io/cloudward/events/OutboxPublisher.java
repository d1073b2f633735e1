package io.cloudward.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Moves committed outbox rows to Kafka, oldest first, and marks them published. Every instance runs
 * one, but a transaction-scoped advisory lock lets only one publish at a time, which keeps the per-key
 * order; a crashed publisher's lock goes with its connection. If Kafka is down the rows simply wait
 * (with back-off) — nothing is lost; a row sent but not marked is sent again (consumers deduplicate).
 *
 * <p>Order per key across outages: the producer is idempotent (acks=all, sequence numbers, one request
 * in flight) and never gives up on a batch by itself (unbounded delivery timeout). Giving up is ours: when
 * a batch is not acknowledged within {@code send-timeout} the producer is closed at once, which drops
 * everything it still holds, and the whole batch is sent again from its first row by a new producer. So
 * what reaches a partition is always a prefix of the batch followed by the batch again, never a later
 * record without an earlier one. (A producer that expires a batch itself bumps its epoch and sends the
 * next batches — the gap that used to put events out of order after a broker outage.)
 */
@ApplicationScoped
public class OutboxPublisher {
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final long LOCK_KEY = 0x6f7574626f78L; // "outbox"
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AgroalDataSource platform;
    private final TopicSetup topics;
    private final Map<String, Object> kafkaConfig;
    private final boolean enabled;
    private final int batchSize;
    private final Duration idle;
    private final Duration sendTimeout;
    private volatile boolean running;
    private Thread loop;
    private Map<String, Object> producerConfig;
    private KafkaProducer<String, String> producer;

    public OutboxPublisher(@DataSource("platform") AgroalDataSource platform, TopicSetup topics,
                           @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                           @ConfigProperty(name = "cloudward.outbox.publisher.enabled", defaultValue = "true") boolean enabled,
                           @ConfigProperty(name = "cloudward.outbox.batch-size", defaultValue = "500") int batchSize,
                           @ConfigProperty(name = "cloudward.outbox.idle-poll", defaultValue = "PT0.2S") Duration idle,
                           @ConfigProperty(name = "cloudward.outbox.send-timeout", defaultValue = "PT30S") Duration sendTimeout) {
        this.platform = platform;
        this.topics = topics;
        this.kafkaConfig = kafkaConfig;
        this.enabled = enabled;
        this.batchSize = batchSize;
        this.idle = idle;
        this.sendTimeout = sendTimeout;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Never expire a batch inside the producer (see the class comment); publishBatch's deadline decides.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // One request in flight: a batch that fails can never be overtaken by the next one.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "cloudward-outbox");
        producerConfig = config;
        producer = newProducer();
        running = true;
        topics.ensureCreated();
        loop = Thread.ofVirtual().name("outbox-publisher").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        Duration backoff = idle;
        while (running) {
            try {
                int published = publishBatch();
                backoff = idle;
                if (published < batchSize) {
                    Thread.sleep(idle);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warnf("outbox: publishing failed, retrying in %s: %s", backoff, e.getMessage());
                // Drop whatever the failed batch left queued, so nothing from it is sent after a later batch.
                producer.close(Duration.ZERO);
                producer = newProducer();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private KafkaProducer<String, String> newProducer() {
        return new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
    }

    /** Publishes up to one batch; returns how many rows were published (0 when another instance holds the lock). */
    int publishBatch() throws Exception {
        try (Connection c = platform.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        select id, event_id, tenant_id, topic, partition_key, type, payload::text
                        from outbox_event where published_at is null order by id limit ?""")) {
                    ps.setInt(1, batchSize);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            var record = new ProducerRecord<>(rs.getString(4), rs.getString(5), rs.getString(7));
                            record.headers().add("event-id", rs.getString(2).getBytes(StandardCharsets.UTF_8));
                            record.headers().add("tenant-id", rs.getString(3).getBytes(StandardCharsets.UTF_8));
                            record.headers().add("type", rs.getString(6).getBytes(StandardCharsets.UTF_8));
                            sends.add(producer.send(record));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                long deadline = System.nanoTime() + sendTimeout.toNanos();
                for (Future<RecordMetadata> send : sends) {
                    send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                markPublished(c, ids);
                c.commit();
                return ids.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void markPublished(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "update outbox_event set published_at = now(), attempts = attempts + 1 where id = any(?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }
}
