package io.cloudward.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.events.TopicSetup;
import io.cloudward.events.Topics;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The routing consumer: reads the event topics in consumer group {@code cloudward-alerts} (every instance
 * runs one; the group shares the partitions, so more instances route more), hands each event to
 * {@link AlertRouter} in the event's tenant, and commits offsets only after the events are processed. A
 * failure rewinds to the first unprocessed event and tries again after a pause; repeats are harmless
 * because the router records processed event ids.
 */
@ApplicationScoped
public class AlertConsumer {
    public static final String GROUP = "cloudward-alerts";
    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int MAX_RUN = 200;

    private final Map<String, Object> kafkaConfig;
    private final AlertsConfig config;
    private final AlertRouter router;
    private final TenantRunner runner;
    private final ObjectMapper json;
    private final TopicSetup topics;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread loop;

    public AlertConsumer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, AlertsConfig config,
                         AlertRouter router, TenantRunner runner, ObjectMapper json, TopicSetup topics) {
        this.topics = topics;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.router = router;
        this.runner = runner;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumerEnabled()) {
            return;
        }
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "cloudward-alerts");
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        running = true;
        loop = Thread.ofPlatform().name("alerts-consumer").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
            try {
                loop.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        try {
            // A subscription to a topic that does not exist yet is only noticed at the next metadata refresh.
            topics.ensureCreated();
            consumer.subscribe(List.of(Topics.FINDINGS, Topics.INCIDENTS, Topics.SCORES, Topics.RUNS));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (processAll(records)) {
                    backoff = Duration.ofMillis(500);
                } else {
                    Thread.sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "alerts: the routing consumer stopped");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Routes each partition's records in runs of one tenant's consecutive events, one transaction per run.
     *
     * @return false when a run failed: the consumer is rewound to it, offsets before it are committed
     */
    private boolean processAll(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> all = records.records(partition);
            int i = 0;
            while (i < all.size()) {
                List<AlertEvent> run = new ArrayList<>();
                UUID tenantId = null;
                int j = i;
                for (; j < all.size() && run.size() < MAX_RUN; j++) {
                    AlertEvent event = read(all.get(j));
                    if (event == null) {
                        continue;
                    }
                    if (tenantId != null && !tenantId.equals(event.tenantId())) {
                        break;
                    }
                    tenantId = event.tenantId();
                    run.add(event);
                }
                try {
                    if (!run.isEmpty()) {
                        runner.run(TenantRunner.system(tenantId, "alerts"), () -> router.route(run));
                    }
                    done.put(partition, new OffsetAndMetadata(all.get(j - 1).offset() + 1));
                    i = j;
                } catch (RuntimeException e) {
                    LOG.warnf("alerts: events from %s@%d failed, retrying: %s", partition, all.get(i).offset(), e.toString());
                    for (TopicPartition p : records.partitions()) {
                        OffsetAndMetadata next = done.get(p);
                        consumer.seek(p, next != null ? next.offset() : records.records(p).getFirst().offset());
                    }
                    commit(done);
                    return false;
                }
            }
        }
        commit(done);
        return true;
    }

    /** The event in a record, or null (logged and skipped) for a record that is not one. */
    private AlertEvent read(ConsumerRecord<String, String> record) {
        try {
            JsonNode envelope = json.readTree(record.value());
            return AlertEvent.of(envelope);
        } catch (Exception e) {
            LOG.errorf("alerts: skipping an unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }
}
