package io.cloudward.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read-only access for platform operators that an OWNER grants for a limited time, with a reason. */
@Entity
@Table(name = "support_grant")
public class SupportGrant extends TenantOwned {
    @Id
    public UUID id;


    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
