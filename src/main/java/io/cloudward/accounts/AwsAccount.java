package io.cloudward.accounts;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A customer AWS account Cloudward reads through the customer's role. */
@Entity
@Table(name = "aws_account")
public class AwsAccount extends TenantOwned {
    @Id
    public UUID id;

    /** The 12-digit AWS account id. */
    @Column(name = "account_id", nullable = false, updatable = false)
    public String accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "role_arn", nullable = false)
    public String roleArn;

    @Column(nullable = false)
    public String partition;

    /** The ExternalId the role's trust policy demands. Secret-ish: shown only to account managers. */
    @Column(name = "external_id", nullable = false)
    public String externalId;

    /** A rotation in progress: the new ExternalId, used once the customer's stack carries it. */
    @Column(name = "next_external_id")
    public String nextExternalId;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccountStatus status = AccountStatus.PENDING;

    /** Why the account is degraded or failing, in words (with the AWS error code). */
    @Column(name = "status_detail")
    public String statusDetail;

    /** The role can be assumed without the ExternalId: open to the confused-deputy problem. */
    @Column(name = "trust_open", nullable = false)
    public boolean trustOpen;

    /** Capability name → what the probe found. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, CapabilityState> capabilities = new LinkedHashMap<>();

    /** The last verification's steps, for the account page. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<VerificationStep> verification = new ArrayList<>();

    /** Regions enabled in the account (DescribeRegions, opt-in aware). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enabled_regions", nullable = false)
    public List<String> enabledRegions = new ArrayList<>();

    /** Regions the tenant chose to cover (a subset of the enabled ones). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> regions = new ArrayList<>();

    /** For a removed account: when its data is deleted (kept until then for the chosen period). */
    @Column(name = "purge_after")
    public Instant purgeAfter;

    @Column(name = "last_verified_at")
    public Instant lastVerifiedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    /** Optimistic lock: two people (or a person and a scan) changing the account do not lose an update. */
    @Version
    public long version;

    /** Capabilities the role lacks, for messages. */
    public List<String> missingActions() {
        return capabilities.values().stream().flatMap(c -> c.missingActions().stream()).sorted().toList();
    }
}
