package io.cloudward.collect;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One collection run of one account, as the API shows it. Leases and progress are written by
 * {@link RunLeases} and {@link RunRecorder} with plain SQL; this entity only reads them and creates runs.
 */
@Entity
@Table(name = "scan_run")
public class ScanRun extends TenantOwned {
    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "aws_account_id", nullable = false, updatable = false)
    public UUID awsAccountId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RunFamily family;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "lease_owner")
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    public int attempts;

    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    @Column(name = "sources_total")
    public int sourcesTotal;

    @Column(name = "sources_done")
    public int sourcesDone;

    @Column(name = "api_calls")
    public int apiCalls;

    public long items;

    @Column(name = "findings_created")
    public int findingsCreated;

    @Column(name = "findings_updated")
    public int findingsUpdated;

    @Column(name = "findings_resolved")
    public int findingsResolved;

    @Column(name = "findings_reopened")
    public int findingsReopened;

    public String error;
}
