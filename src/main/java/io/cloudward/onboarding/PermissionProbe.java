package io.cloudward.onboarding;

import io.cloudward.accounts.CapabilityState;
import io.cloudward.aws.AwsClientFactory;
import io.cloudward.aws.AwsFailure;
import io.cloudward.onboarding.CollectorPermissions.Capability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Tests every IAM action the collectors call with one cheap call each, so a missing permission is named
 * exactly ("backup:ListBackupPlans") rather than guessed from a capability. Calls that need a resource are
 * made on a placeholder: AWS authorises before it looks the resource up, so "not found" means allowed
 * and AccessDenied means the action is missing. All probes are read-only.
 */
final class PermissionProbe {

    /** A detector, trail, plan or vault id that exists nowhere. */
    private static final String PLACEHOLDER_ID = "0cc1d0a4f0c1c3e5a0d0b1e2f3a4b5c6";
    private static final String PLACEHOLDER_NAME = "cloudward-permission-probe";

    private final AwsClientFactory factory;

    PermissionProbe(AwsClientFactory factory) {
        this.factory = factory;
    }

    /** Probes each capability's actions (organisation actions only when {@code managementAccount}). */
    Map<String, CapabilityState> probe(AwsCredentialsProvider role, String accountId, Region region,
                                       boolean managementAccount) {
        try (Clients clients = new Clients(factory, role, region);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Capability, List<Future<Optional<Denial>>>> running = new LinkedHashMap<>();
            for (Capability capability : Capability.values()) {
                if (capability.managementAccountOnly() && !managementAccount) {
                    continue;
                }
                List<Future<Optional<Denial>>> calls = new ArrayList<>();
                for (String action : capability.actions()) {
                    Runnable call = clients.callFor(action, accountId);
                    calls.add(pool.submit(() -> attempt(action, call)));
                }
                running.put(capability, calls);
            }
            Map<String, CapabilityState> states = new LinkedHashMap<>();
            running.forEach((capability, calls) -> states.put(capability.name(), stateOf(calls)));
            return states;
        }
    }

    private record Denial(String action, boolean permission, String error) {
    }

    private static Optional<Denial> attempt(String action, Runnable call) {
        try {
            call.run();
            return Optional.empty();
        } catch (AwsServiceException e) {
            AwsFailure failure = AwsFailure.of(e, action);
            if (failure.kind() == AwsFailure.Kind.ACCESS_DENIED) {
                return Optional.of(new Denial(action, true, null));
            }
            if (failure.kind() != AwsFailure.Kind.ERROR || e.statusCode() >= 500) {
                return Optional.of(new Denial(action, false, action + ": " + failure.code()));
            }
            return Optional.empty(); // NotFound, BadRequest, …: AWS authorised the call before looking
        } catch (SdkException e) {
            return Optional.of(new Denial(action, false, action + ": " + e.getMessage()));
        } catch (NothingToProbe e) {
            return Optional.empty();
        }
    }

    private static CapabilityState stateOf(List<Future<Optional<Denial>>> calls) {
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Future<Optional<Denial>> call : calls) {
            try {
                call.get().ifPresent(d -> {
                    if (d.permission()) {
                        missing.add(d.action());
                    } else {
                        errors.add(d.error());
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                errors.add("interrupted");
            } catch (ExecutionException e) {
                errors.add(String.valueOf(e.getCause()));
            }
        }
        return new CapabilityState(missing.isEmpty() && errors.isEmpty(), missing,
                errors.isEmpty() ? null : String.join("; ", errors));
    }

    /** One client per service for the probe, closed together. */
    private static final class Clients implements AutoCloseable {
        private final Ec2Client ec2;
        private final GuardDutyClient guardDuty;
        private final CloudTrailClient cloudTrail;
        private final ConfigClient config;
        private final RdsClient rds;
        private final S3Client s3;
        private final S3ControlClient s3Control;
        private final IamClient iam;
        private final BackupClient backup;
        private final OrganizationsClient organizations;

        Clients(AwsClientFactory f, AwsCredentialsProvider role, Region region) {
            ec2 = f.create(Ec2Client.builder(), region, role);
            guardDuty = f.create(GuardDutyClient.builder(), region, role);
            cloudTrail = f.create(CloudTrailClient.builder(), region, role);
            config = f.create(ConfigClient.builder(), region, role);
            rds = f.create(RdsClient.builder(), region, role);
            s3 = f.create(S3Client.builder(), region, role);
            s3Control = f.create(S3ControlClient.builder(), region, role);
            iam = f.create(IamClient.builder(), Region.AWS_GLOBAL, role);
            backup = f.create(BackupClient.builder(), region, role);
            organizations = f.create(OrganizationsClient.builder(), Region.US_EAST_1, role);
        }

        /** The cheapest call that exercises {@code action}. */
        Runnable callFor(String action, String accountId) {
            return switch (action) {
                case "ec2:DescribeRegions" -> () -> ec2.describeRegions(r -> r.allRegions(true));
                case "ec2:DescribeSecurityGroups" -> () -> ec2.describeSecurityGroups(r -> r.maxResults(5));
                case "ec2:DescribeNetworkInterfaces" -> () -> ec2.describeNetworkInterfaces(r -> r.maxResults(5));
                case "ec2:DescribeInstances" -> () -> ec2.describeInstances(r -> r.maxResults(5));
                case "ec2:DescribeVolumes" -> () -> ec2.describeVolumes(r -> r.maxResults(5));
                case "ec2:GetEbsEncryptionByDefault" -> () -> ec2.getEbsEncryptionByDefault(r -> { });
                case "guardduty:ListDetectors" -> () -> guardDuty.listDetectors(r -> r.maxResults(1));
                case "guardduty:GetDetector" -> () -> guardDuty.getDetector(r -> r.detectorId(PLACEHOLDER_ID));
                case "guardduty:ListFindings" -> () -> guardDuty.listFindings(r -> r.detectorId(PLACEHOLDER_ID).maxResults(1));
                case "guardduty:GetFindings" -> () -> guardDuty.getFindings(r -> r.detectorId(PLACEHOLDER_ID).findingIds(PLACEHOLDER_ID));
                case "cloudtrail:DescribeTrails" -> () -> cloudTrail.describeTrails(r -> r.includeShadowTrails(false));
                case "cloudtrail:GetTrailStatus" -> () -> cloudTrail.getTrailStatus(r -> r.name(PLACEHOLDER_NAME));
                case "cloudtrail:GetEventSelectors" -> () -> cloudTrail.getEventSelectors(r -> r.trailName(PLACEHOLDER_NAME));
                case "cloudtrail:LookupEvents" -> () -> cloudTrail.lookupEvents(r -> r.maxResults(1));
                case "config:DescribeConfigurationRecorders" -> () -> config.describeConfigurationRecorders(r -> { });
                case "config:DescribeConfigurationRecorderStatus" -> () -> config.describeConfigurationRecorderStatus(r -> { });
                case "config:DescribeComplianceByConfigRule" -> () -> config.describeComplianceByConfigRule(r -> { });
                case "rds:DescribeDBInstances" -> () -> rds.describeDBInstances(r -> r.maxRecords(20));
                case "s3:ListAllMyBuckets" -> () -> s3.listBuckets(r -> r.maxBuckets(1));
                case "s3:GetBucketPolicyStatus" -> () -> s3.getBucketPolicyStatus(r -> r.bucket(probeBucket(accountId)));
                case "s3:GetBucketPublicAccessBlock" -> () -> s3.getPublicAccessBlock(r -> r.bucket(probeBucket(accountId)));
                case "s3:GetAccountPublicAccessBlock" -> () -> s3Control.getPublicAccessBlock(r -> r.accountId(accountId));
                case "iam:GetAccountSummary" -> () -> iam.getAccountSummary(r -> { });
                case "iam:GetAccountPasswordPolicy" -> () -> iam.getAccountPasswordPolicy(r -> { });
                case "iam:GenerateCredentialReport" -> () -> iam.generateCredentialReport(r -> { });
                case "iam:GetCredentialReport" -> () -> iam.getCredentialReport(r -> { });
                case "backup:ListBackupPlans" -> () -> backup.listBackupPlans(r -> r.maxResults(1));
                case "backup:GetBackupPlan" -> () -> backup.getBackupPlan(r -> r.backupPlanId(PLACEHOLDER_ID));
                case "backup:ListBackupSelections" -> () -> backup.listBackupSelections(r -> r.backupPlanId(PLACEHOLDER_ID));
                case "backup:ListBackupVaults" -> () -> backup.listBackupVaults(r -> r.maxResults(1));
                case "backup:ListProtectedResources" -> () -> backup.listProtectedResources(r -> r.maxResults(1));
                case "backup:ListBackupJobs" -> () -> backup.listBackupJobs(r -> r.maxResults(1));
                case "backup:ListRecoveryPointsByBackupVault" ->
                        () -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(PLACEHOLDER_NAME).maxResults(1));
                case "organizations:ListAccounts" -> () -> organizations.listAccounts(r -> r.maxResults(1));
                case "organizations:DescribeOrganization" -> () -> organizations.describeOrganization(r -> { });
                default -> throw new IllegalStateException("no probe for " + action + ": add one beside CollectorPermissions");
            };
        }

        /**
         * Bucket-level actions are probed on the account's own first bucket (a bucket of another account
         * would answer AccessDenied whatever the role allows); an account without buckets has nothing to read.
         */
        private String probeBucket(String accountId) {
            List<software.amazon.awssdk.services.s3.model.Bucket> buckets;
            try {
                buckets = s3.listBuckets(r -> r.maxBuckets(1)).buckets();
            } catch (AwsServiceException e) {
                throw new NothingToProbe(); // s3:ListAllMyBuckets has its own probe
            }
            if (buckets.isEmpty()) {
                throw new NothingToProbe();
            }
            return buckets.getFirst().name();
        }

        @Override
        public void close() {
            List.of(ec2, guardDuty, cloudTrail, config, rds, s3, s3Control, iam, backup, organizations)
                    .forEach(software.amazon.awssdk.core.SdkClient::close);
        }
    }

    /** The account has no resource to probe an action on; the action is checked at the first scan. */
    private static final class NothingToProbe extends RuntimeException {
        NothingToProbe() {
            super(null, null, false, false);
        }
    }
}
