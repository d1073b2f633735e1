package io.cloudward.sandbox.estate;

import java.time.Instant;

/**
 * A GuardDuty finding. Repeated activity updates the same finding: {@code count} and {@code updatedAt}
 * grow, {@code createdAt} stays.
 *
 * @param type     a real GuardDuty finding type, e.g. {@code Recon:EC2/PortProbeUnprotectedPort}
 * @param severity 1.0–10.0 (Low &lt; 4, Medium &lt; 7, High &lt; 9, Critical)
 */
public record Finding(String id, String type, Double severity, String title, String description,
                      Instant createdAt, Instant updatedAt, boolean archived, Integer count,
                      FindingResource resource, FindingAction action) {

    public Finding {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("a finding needs a type");
        }
        count = count == null ? 1 : count;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    public Finding withId(String newId, Double newSeverity, String newTitle, String newDescription) {
        return new Finding(newId, type, newSeverity, newTitle, newDescription, createdAt, updatedAt, archived, count,
                resource, action);
    }

    /** The same activity seen again. */
    public Finding recurred(int times, Instant at) {
        return new Finding(id, type, severity, title, description, createdAt, at, archived, count + times, resource,
                action);
    }

    public Finding archivedAt(Instant at) {
        return new Finding(id, type, severity, title, description, createdAt, at, true, count, resource, action);
    }
}
