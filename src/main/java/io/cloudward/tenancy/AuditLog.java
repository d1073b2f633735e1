package io.cloudward.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends entries to the tenant's audit log in the caller's transaction. The database chains each
 * entry to the previous one by hash (see migration V2) and refuses updates and deletes from the
 * application, so the log can be verified with {@link #firstBrokenEntry}.
 */
@ApplicationScoped
public class AuditLog {
    private static final int MAX_TEXT = 500;

    private final EntityManager em;
    private final TenantContext tenant;
    private final AuditDetails details;
    private final Instance<HttpServerRequest> request;
    private final ObjectMapper json;

    public AuditLog(EntityManager em, TenantContext tenant, AuditDetails details, Instance<HttpServerRequest> request,
                    ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.details = details;
        this.request = request;
        this.json = json;
    }

    /** Names the target of the change being audited and summarises it (values must be small). */
    public void describe(String targetType, Object targetId, Map<String, ?> summary) {
        details.set(targetType, targetId == null ? null : targetId.toString(), summary);
    }

    /** Writes the entry the {@link Audited} method described. */
    void recordDescribed(String action) {
        record(action, details.targetType(), details.targetId(), details.summary(), "OK");
        details.clear();
    }

    public void record(String action, String targetType, String targetId, Map<String, ?> summary) {
        record(action, targetType, targetId, summary, "OK");
    }

    public void recordDenied(String action, String targetType, String targetId) {
        record(action, targetType, targetId, Map.of(), "DENIED");
    }

    private void record(String action, String targetType, String targetId, Map<String, ?> summary, String outcome) {
        Access access = tenant.require();
        String ip = null;
        String userAgent = null;
        if (request.isResolvable()) {
            try {
                HttpServerRequest http = request.get();
                ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
                userAgent = clip(http.getHeader("User-Agent"));
            } catch (RuntimeException noRequest) {
                // a scheduled job: no client to record
            }
        }
        em.createNativeQuery("""
                        insert into audit_event (tenant_id, actor, actor_type, action, target_type, target_id, outcome,
                                                 summary, ip, user_agent, prev_hash, hash)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, '', '')""")
                .setParameter(1, access.tenantId())
                .setParameter(2, access.display() == null ? access.principal() : access.display())
                .setParameter(3, access.principalType().name())
                .setParameter(4, action)
                .setParameter(5, targetType)
                .setParameter(6, clip(targetId))
                .setParameter(7, outcome)
                .setParameter(8, toJson(summary))
                .setParameter(9, ip)
                .setParameter(10, userAgent)
                .executeUpdate();
    }

    /** The sequence number of the first entry whose hash or link does not verify, or null when intact. */
    public Long firstBrokenEntry(UUID tenantId) {
        Object result = em.createNativeQuery("select audit_first_broken(?1)").setParameter(1, tenantId).getSingleResult();
        return result == null ? null : ((Number) result).longValue();
    }

    private String toJson(Map<String, ?> summary) {
        try {
            return json.writeValueAsString(summary == null ? Map.of() : new LinkedHashMap<>(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit summary is not serialisable", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
