package io.cloudward.findings;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One entry of a finding's history: what changed, when, and who (a person, or Cloudward's collection). */
@Entity
@Table(name = "finding_event")
public class FindingEvent extends TenantOwned {

    public enum Type { CREATED, UPDATED, RESOLVED, REOPENED, SUPPRESSED, COMMENTED, ASSIGNED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "finding_id", nullable = false, updatable = false)
    public UUID findingId;
    @Column(nullable = false)
    public Instant at;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;
    @Column(nullable = false)
    public String actor;
    @JdbcTypeCode(SqlTypes.JSON)
    public String detail;
}
