package io.cloudward.findings;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's rule that suppresses matching findings: every field that is set must match; check id and
 * resource pattern are globs ({@code *} for any run of characters). Past its expiry, or revoked, it holds nothing.
 */
@Entity
@Table(name = "suppression")
public class Suppression extends TenantOwned {
    @Id
    public UUID id;
    @Column(name = "check_id")
    public String checkId;
    @Column(name = "resource_pattern")
    public String resourcePattern;
    @Column(name = "account_id")
    public String accountId;
    public String region;
    @Column(nullable = false)
    public String reason;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    /** Bumped on every change: the ETag that {@code If-Match} must name (V8). */
    @Version
    public long version;

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
