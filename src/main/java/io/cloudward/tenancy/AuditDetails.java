package io.cloudward.tenancy;

import jakarta.enterprise.context.RequestScoped;

import java.util.Map;

/** What the current {@link Audited} change is about, filled in by the code that makes it. */
@RequestScoped
public class AuditDetails {
    private String targetType;
    private String targetId;
    private Map<String, ?> summary = Map.of();

    void set(String targetType, String targetId, Map<String, ?> summary) {
        this.targetType = targetType;
        this.targetId = targetId;
        this.summary = summary == null ? Map.of() : summary;
    }

    String targetType() {
        return targetType;
    }

    String targetId() {
        return targetId;
    }

    Map<String, ?> summary() {
        return summary;
    }

    void clear() {
        set(null, null, Map.of());
    }
}
