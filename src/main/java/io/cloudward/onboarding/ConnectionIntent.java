package io.cloudward.onboarding;

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
 * Step 1 of connecting: the ExternalId Cloudward generated for a stack the customer has yet to create.
 * It becomes the account's (or organisation's) ExternalId once the role is verified.
 */
@Entity
@Table(name = "connection_intent")
public class ConnectionIntent extends TenantOwned {

    public enum Kind { ACCOUNT, ORGANIZATION }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind;

    @Column(name = "external_id", nullable = false, updatable = false)
    public String externalId;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
