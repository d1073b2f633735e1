package io.cloudward.findings;

import io.cloudward.checks.Severity;
import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Findings of one account that tell one story; its timeline is its findings ordered by when they happened. */
@Entity
@Table(name = "incident")
public class Incident extends TenantOwned {
    public enum Status { OPEN, RESOLVED }

    @Id
    public UUID id;
    @Column(name = "aws_account_id", nullable = false, updatable = false)
    public UUID awsAccountId;
    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;
    public String kind;
    @Enumerated(EnumType.ORDINAL)
    public Severity severity;
    public String title;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "first_event_at")
    public Instant firstEventAt;
    @Column(name = "last_event_at")
    public Instant lastEventAt;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Version
    public long version;
}
