package io.cloudward.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the current transaction, beside the state change it describes, so that the two
 * commit or roll back together. {@link OutboxPublisher} sends it to Kafka after commit.
 */
@ApplicationScoped
public class Outbox {
    public static final int VERSION = 1;

    private final EntityManager em;
    private final TenantContext tenant;
    private final ObjectMapper json;

    public Outbox(EntityManager em, TenantContext tenant, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.json = json;
    }

    /**
     * @param key    the ordering key: events with the same key (an AWS account) reach consumers in order
     * @param type   e.g. {@code finding.created}
     * @param data   the event's own fields (no entities: records or maps)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID emit(String topic, String key, String type, String accountId, String region, Object data) {
        UUID tenantId = tenant.require().tenantId();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId);
        envelope.put("type", type);
        envelope.put("version", VERSION);
        envelope.put("tenantId", tenantId);
        envelope.put("accountId", accountId);
        envelope.put("region", region);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("data", data);
        em.createNativeQuery("""
                        insert into outbox_event (event_id, tenant_id, topic, partition_key, type, version, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as jsonb))""")
                .setParameter(1, eventId).setParameter(2, tenantId).setParameter(3, topic)
                .setParameter(4, key).setParameter(5, type).setParameter(6, VERSION)
                .setParameter(7, toJson(envelope))
                .executeUpdate();
        return eventId;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable", e);
        }
    }
}
