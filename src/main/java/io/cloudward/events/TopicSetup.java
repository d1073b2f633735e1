package io.cloudward.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates Cloudward's topics with a deliberate partition count (the unit of consumer parallelism) rather
 * than leaving them to broker auto-creation, which races the first send. Idempotent: every instance
 * calls it at start-up; a broker that is down is tried again by the publisher's own retries.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final Map<String, Object> kafkaConfig;
    private final int partitions;
    private final short replication;

    public TopicSetup(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                      @ConfigProperty(name = "cloudward.kafka.partitions", defaultValue = "6") int partitions,
                      @ConfigProperty(name = "cloudward.kafka.replication-factor", defaultValue = "1") short replication) {
        this.kafkaConfig = kafkaConfig;
        this.partitions = partitions;
        this.replication = replication;
    }

    public void ensureCreated() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        // The admin client refuses an API timeout below its request timeout (30 s by default): lower both.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(config)) {
            for (String topic : List.of(Topics.FINDINGS, Topics.INCIDENTS, Topics.SCORES, Topics.RUNS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s now: %s", topic, e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not create the Kafka topics at start-up: %s%s", e.getMessage(),
                    e.getCause() == null ? "" : " (" + e.getCause() + ")");
        }
    }
}
