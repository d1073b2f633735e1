package io.cloudward.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One audit log entry, read-only (entries are written by {@link AuditLog} and never changed). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends TenantOwned {
    @Id
    public long seq;


    public Instant at;
    public String actor;
    @Column(name = "actor_type")
    public String actorType;
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public String targetId;
    public String outcome;
    @JdbcTypeCode(SqlTypes.JSON)
    public String summary;
    public String ip;
    @Column(name = "user_agent")
    public String userAgent;
    @Column(name = "prev_hash")
    public String prevHash;
    public String hash;
}
