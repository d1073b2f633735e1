package io.cloudward.scoring;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One day's score of an account, or of the tenant when {@code awsAccountId} is null (V7). Read through this
 * entity; written only by {@link ScoreSnapshots}' upsert, so several instances can record the same day.
 */
@Entity
@Table(name = "score_snapshot")
public class ScoreSnapshot extends TenantOwned {
    @Id
    public UUID id;
    @Column(name = "aws_account_id")
    public UUID awsAccountId;
    public LocalDate day;
    public int overall;
    /** Category slug → score. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> categories;
    public boolean capped;
    @Column(name = "checks_passed")
    public Integer checksPassed;
    @Column(name = "checks_with_data")
    public Integer checksWithData;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
