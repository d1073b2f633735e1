package io.cloudward.onboarding;

import io.cloudward.tenancy.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An AWS organisation connected through its management account. Its members get Cloudward's role from
 * the StackSet, all with this organisation's one ExternalId.
 */
@Entity
@Table(name = "aws_organization")
public class AwsOrganization extends TenantOwned {
    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public String organizationId;

    @Column(name = "management_account", nullable = false, updatable = false)
    public String managementAccount;

    @Column(name = "management_role_arn", nullable = false)
    public String managementRoleArn;

    /** The role name the StackSet creates in every member account. */
    @Column(name = "member_role_name", nullable = false)
    public String memberRoleName;

    @Column(name = "external_id", nullable = false, updatable = false)
    public String externalId;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** The role ARN the StackSet created in a member account. */
    public String memberRoleArn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + memberRoleName;
    }
}
