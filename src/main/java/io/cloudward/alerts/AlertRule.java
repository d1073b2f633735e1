package io.cloudward.alerts;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A tenant's alert rule; {@code match} and {@code action} hold {@link AlertMatch} and {@link AlertAction} as JSON. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends TenantOwned {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public boolean enabled;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String match;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String action;
    /** The default rule this was created as (null for the tenant's own). */
    public String builtin;
    /** Bumped on every change; the ETag. */
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
