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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One finding of a tenant. The collection path writes rows in JDBC batches ({@link FindingWriter}); this
 * entity serves the query side and the actions people take. Severity is stored as its rank (see V5).
 */
@Entity
@Table(name = "finding")
public class Finding extends TenantOwned {
    @Id
    public UUID id;

    @Column(name = "aws_account_id", nullable = false, updatable = false)
    public UUID awsAccountId;
    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;
    public String region;
    @Column(name = "scope_region")
    public String scopeRegion;
    public String source;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Column(name = "check_id")
    public String checkId;
    public String fingerprint;
    public String category;
    @Enumerated(EnumType.ORDINAL)
    public Severity severity;
    public String title;
    public String description;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    @JdbcTypeCode(SqlTypes.JSON)
    public String evidence;
    @Column(name = "evidence_hash")
    public String evidenceHash;
    public int occurrences;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    public FindingStatus status;
    @Column(name = "suppression_id")
    public UUID suppressionId;
    @Column(name = "suppressed_reason")
    public String suppressedReason;
    @Column(name = "suppressed_until")
    public Instant suppressedUntil;
    @Column(name = "suppressed_by")
    public String suppressedBy;
    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_seen")
    public Instant lastSeen;
    @Column(name = "seen_run")
    public UUID seenRun;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "reopened_count")
    public int reopenedCount;
    public String assignee;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Version
    public long version;
}
