package io.cloudward.integrations;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Where alerts go. {@code settings} is the public part (JSON object); {@code secrets} the sealed rest ({@link SecretBox}). */
@Entity
@Table(name = "alert_destination")
public class Destination extends TenantOwned {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DestinationKind kind;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String settings;
    public String secrets;
    @Column(name = "timeout_seconds", nullable = false)
    public int timeoutSeconds;
    @Column(nullable = false)
    public boolean enabled;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
