package io.cloudward.collect;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** How one region × source of a run ended (read-only here; {@link RunRecorder} writes it). */
@Entity
@Table(name = "scan_run_source")
public class ScanRunSource extends TenantOwned {

    @Embeddable
    public record Key(@Column(name = "run_id") UUID runId, String region, String source) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    public SourceOutcome.Status status;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "denied_action")
    public String deniedAction;

    public String message;

    @Column(name = "api_calls")
    public int apiCalls;

    public long items;

    @Column(name = "duration_ms")
    public long durationMs;

    @Column(name = "findings_created")
    public int findingsCreated;

    @Column(name = "findings_resolved")
    public int findingsResolved;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
