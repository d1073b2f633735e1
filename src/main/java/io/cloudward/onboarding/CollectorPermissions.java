package io.cloudward.onboarding;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one list of the IAM actions Cloudward's collectors call in a customer account, grouped by
 * capability. The onboarding template ({@code onboarding-cfn/cloudward-role.yaml}) must grant every
 * action listed here ({@code CollectorPermissionsTest} checks it), the permission probe calls each
 * capability's {@link Probe}, and a collector that gets AccessDenied names the capability and action.
 *
 * <p>{@code sts:GetCallerIdentity} is called first on every session but needs no IAM permission: AWS
 * answers it for any valid credentials, even under an explicit deny, so it is not listed.
 */
public final class CollectorPermissions {

    /** Called to confirm the assumed role's account; allowed for every principal, so in no policy. */
    public static final String CALLER_IDENTITY_OPERATION = "sts:GetCallerIdentity";

    private CollectorPermissions() {
    }

    /** One cheap, read-only call that tells whether a capability's permissions are in place. */
    public record Probe(String service, String operation, String action) {
    }

    /** What Cloudward collects, and the IAM actions each part needs. */
    public enum Capability {
        REGIONS(false, "find the regions enabled in the account, so only those are scanned",
                new Probe("ec2", "DescribeRegions", "ec2:DescribeRegions"),
                "ec2:DescribeRegions"),
        GUARDDUTY(false, "whether GuardDuty is on in each region, and its findings",
                new Probe("guardduty", "ListDetectors", "guardduty:ListDetectors"),
                "guardduty:ListDetectors", "guardduty:GetDetector", "guardduty:ListFindings",
                "guardduty:GetFindings"),
        CLOUDTRAIL(false, "whether trails log everywhere and deliver, and the events that disable the watchers",
                new Probe("cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails"),
                "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
                "cloudtrail:LookupEvents"),
        CONFIG(false, "whether AWS Config records, and which Config rules are non-compliant",
                new Probe("config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"),
                "config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus",
                "config:DescribeComplianceByConfigRule"),
        EXPOSURE_EC2(false, "security groups open to the internet, what they are attached to, unencrypted volumes",
                new Probe("ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups"),
                "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces", "ec2:DescribeInstances",
                "ec2:DescribeVolumes", "ec2:GetEbsEncryptionByDefault"),
        EXPOSURE_RDS(false, "publicly accessible or unencrypted database instances",
                new Probe("rds", "DescribeDBInstances", "rds:DescribeDBInstances"),
                "rds:DescribeDBInstances"),
        EXPOSURE_S3(false, "public buckets and the account-wide S3 public access block",
                new Probe("s3", "ListBuckets", "s3:ListAllMyBuckets"),
                "s3:ListAllMyBuckets", "s3:GetBucketPolicyStatus", "s3:GetBucketPublicAccessBlock",
                "s3:GetAccountPublicAccessBlock"),
        IAM(false, "root MFA, console users without MFA, password policy (from the credential report)",
                new Probe("iam", "GetAccountSummary", "iam:GetAccountSummary"),
                "iam:GetAccountSummary", "iam:GetAccountPasswordPolicy", "iam:GenerateCredentialReport",
                "iam:GetCredentialReport"),
        BACKUP(false, "what AWS Backup protects, last good recovery point, failed jobs, vault lock",
                new Probe("backup", "ListBackupVaults", "backup:ListBackupVaults"),
                "backup:ListBackupPlans", "backup:GetBackupPlan", "backup:ListBackupSelections",
                "backup:ListBackupVaults", "backup:ListProtectedResources", "backup:ListBackupJobs",
                "backup:ListRecoveryPointsByBackupVault"),
        ORGANIZATIONS(true, "list the organisation's accounts to offer connecting them (management account only)",
                new Probe("organizations", "DescribeOrganization", "organizations:DescribeOrganization"),
                "organizations:ListAccounts", "organizations:DescribeOrganization");

        private final boolean managementAccountOnly;
        private final String purpose;
        private final Probe probe;
        private final List<String> actions;

        Capability(boolean managementAccountOnly, String purpose, Probe probe, String... actions) {
            this.managementAccountOnly = managementAccountOnly;
            this.purpose = purpose;
            this.probe = probe;
            this.actions = List.of(actions);
        }

        /** The IAM actions ({@code service:Action}) this capability's collector calls. */
        public List<String> actions() {
            return actions;
        }

        /** The call the permission probe makes to test this capability. */
        public Probe probe() {
            return probe;
        }

        /** True when only the organisation's management account (or a delegated admin) grants it. */
        public boolean managementAccountOnly() {
            return managementAccountOnly;
        }

        /** Why Cloudward needs it, in words a customer's reviewer understands. */
        public String purpose() {
            return purpose;
        }
    }

    /** Every action of every capability, in declaration order. */
    public static Set<String> allActions() {
        return actionsOf(Arrays.asList(Capability.values()));
    }

    /**
     * The actions a role must grant: every capability's, and {@link Capability#ORGANIZATIONS}'s only
     * when {@code managementAccount} is true.
     */
    public static Set<String> requiredActions(boolean managementAccount) {
        return actionsOf(Arrays.stream(Capability.values())
                .filter(c -> managementAccount || !c.managementAccountOnly())
                .toList());
    }

    /** The capability that needs an action (as AccessDenied errors name it), ignoring case. */
    public static Optional<Capability> capabilityOf(String action) {
        return Arrays.stream(Capability.values())
                .filter(c -> c.actions().stream().anyMatch(a -> a.equalsIgnoreCase(action)))
                .findFirst();
    }

    private static Set<String> actionsOf(List<Capability> capabilities) {
        Set<String> actions = new LinkedHashSet<>();
        capabilities.forEach(c -> actions.addAll(c.actions()));
        return Collections.unmodifiableSet(actions);
    }
}
