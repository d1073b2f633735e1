package io.cloudward.checks;

import io.cloudward.checks.backup.BackupJobsSucceeding;
import io.cloudward.checks.backup.BackupPlanCopiesToAnotherAccount;
import io.cloudward.checks.backup.BackupPlanExists;
import io.cloudward.checks.backup.BackupVaultLocked;
import io.cloudward.checks.backup.EbsVolumeBackedUp;
import io.cloudward.checks.backup.RdsInstanceBackedUp;
import io.cloudward.checks.backup.RecoveryPointRecent;
import io.cloudward.checks.cloudtrail.CloudTrailBucketNotPublic;
import io.cloudward.checks.cloudtrail.CloudTrailDeliveryHealthy;
import io.cloudward.checks.cloudtrail.CloudTrailEncryptedWithKms;
import io.cloudward.checks.cloudtrail.CloudTrailLogFileValidationEnabled;
import io.cloudward.checks.cloudtrail.CloudTrailManagementEventsCaptured;
import io.cloudward.checks.cloudtrail.CloudTrailMultiRegionTrailLogging;
import io.cloudward.checks.cloudtrail.CloudTrailTrailLogging;
import io.cloudward.checks.config.ConfigRecorderPresent;
import io.cloudward.checks.config.ConfigRecorderRecording;
import io.cloudward.checks.config.ConfigRecordsAllResourceTypes;
import io.cloudward.checks.config.ConfigRecordsGlobalResourceTypes;
import io.cloudward.checks.config.ConfigRuleCompliant;
import io.cloudward.checks.exposure.EbsEncryptionByDefaultEnabled;
import io.cloudward.checks.exposure.Ec2InstancesOnlyInUsedRegions;
import io.cloudward.checks.exposure.RdsBackupRetentionSufficient;
import io.cloudward.checks.exposure.RdsDeletionProtectionEnabled;
import io.cloudward.checks.exposure.RdsNotPubliclyAccessible;
import io.cloudward.checks.exposure.RdsStorageEncrypted;
import io.cloudward.checks.exposure.S3AccountPublicAccessBlocked;
import io.cloudward.checks.exposure.S3BucketPolicyNotPublic;
import io.cloudward.checks.exposure.S3BucketPublicAccessBlocked;
import io.cloudward.checks.exposure.SecurityGroupOpenAdminServicePorts;
import io.cloudward.checks.exposure.SecurityGroupOpenAllPorts;
import io.cloudward.checks.exposure.SecurityGroupOpenDatabasePorts;
import io.cloudward.checks.exposure.SecurityGroupOpenRdp;
import io.cloudward.checks.exposure.SecurityGroupOpenSsh;
import io.cloudward.checks.guardduty.GuardDutyDetectorNotSuspended;
import io.cloudward.checks.guardduty.GuardDutyEksAuditLogsEnabled;
import io.cloudward.checks.guardduty.GuardDutyEnabled;
import io.cloudward.checks.guardduty.GuardDutyEnabledInAllRegions;
import io.cloudward.checks.guardduty.GuardDutyLambdaProtectionEnabled;
import io.cloudward.checks.guardduty.GuardDutyMalwareProtectionEnabled;
import io.cloudward.checks.guardduty.GuardDutyRdsProtectionEnabled;
import io.cloudward.checks.guardduty.GuardDutyRuntimeMonitoringEnabled;
import io.cloudward.checks.guardduty.GuardDutyS3ProtectionEnabled;
import io.cloudward.checks.iam.AccessKeysRotated;
import io.cloudward.checks.iam.CloudwardRoleRequiresExternalId;
import io.cloudward.checks.iam.ConsoleUserMfaEnabled;
import io.cloudward.checks.iam.PasswordPolicyExists;
import io.cloudward.checks.iam.PasswordPolicyMinimumLength;
import io.cloudward.checks.iam.PasswordPolicyPreventsReuse;
import io.cloudward.checks.iam.PasswordPolicyRequiresCharacterClasses;
import io.cloudward.checks.iam.RootHasNoAccessKeys;
import io.cloudward.checks.iam.RootMfaEnabled;
import io.cloudward.checks.iam.RootNotUsedRecently;
import io.cloudward.checks.iam.UnusedCredentialsDisabled;

import java.util.List;

/** The built-in checks. Adding a check: one class here, one entry in checks/metadata.json, its tests. */
public final class AllChecks {

    private AllChecks() {
    }

    public static List<Check<?>> list() {
        return List.of(
                // threat detection
                new GuardDutyEnabled(), new GuardDutyDetectorNotSuspended(), new GuardDutyS3ProtectionEnabled(),
                new GuardDutyEksAuditLogsEnabled(), new GuardDutyRuntimeMonitoringEnabled(),
                new GuardDutyMalwareProtectionEnabled(), new GuardDutyRdsProtectionEnabled(),
                new GuardDutyLambdaProtectionEnabled(), new GuardDutyEnabledInAllRegions(),
                // logging
                new CloudTrailMultiRegionTrailLogging(), new CloudTrailTrailLogging(),
                new CloudTrailLogFileValidationEnabled(), new CloudTrailEncryptedWithKms(),
                new CloudTrailDeliveryHealthy(), new CloudTrailManagementEventsCaptured(),
                new CloudTrailBucketNotPublic(), new ConfigRecorderPresent(), new ConfigRecorderRecording(),
                new ConfigRecordsAllResourceTypes(), new ConfigRecordsGlobalResourceTypes(), new ConfigRuleCompliant(),
                // exposure
                new SecurityGroupOpenSsh(), new SecurityGroupOpenRdp(), new SecurityGroupOpenDatabasePorts(),
                new SecurityGroupOpenAdminServicePorts(), new SecurityGroupOpenAllPorts(),
                new RdsNotPubliclyAccessible(), new RdsStorageEncrypted(), new RdsDeletionProtectionEnabled(),
                new RdsBackupRetentionSufficient(), new S3AccountPublicAccessBlocked(),
                new S3BucketPublicAccessBlocked(), new S3BucketPolicyNotPublic(), new EbsEncryptionByDefaultEnabled(),
                new Ec2InstancesOnlyInUsedRegions(),
                // identity
                new RootMfaEnabled(), new RootHasNoAccessKeys(), new RootNotUsedRecently(), new ConsoleUserMfaEnabled(),
                new AccessKeysRotated(), new UnusedCredentialsDisabled(), new PasswordPolicyExists(),
                new PasswordPolicyMinimumLength(), new PasswordPolicyPreventsReuse(),
                new PasswordPolicyRequiresCharacterClasses(), new CloudwardRoleRequiresExternalId(),
                // backup and recovery
                new BackupPlanExists(), new EbsVolumeBackedUp(), new RdsInstanceBackedUp(), new RecoveryPointRecent(),
                new BackupJobsSucceeding(), new BackupVaultLocked(), new BackupPlanCopiesToAnotherAccount());
    }
}
