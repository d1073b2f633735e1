package io.cloudward.bench;

import io.cloudward.aws.ApiCallMetrics;
import io.cloudward.aws.AwsClientFactory;
import io.cloudward.collect.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.OrderBy;
import software.amazon.awssdk.services.guardduty.model.SortCriteria;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The bare side: the AWS calls the collectors make (same operations, page sizes, filters and follow-up
 * calls), written as a plain loop over SDK clients — one AssumeRole per account, one client per region ×
 * service, responses read and dropped. No rate limiter, no checks, no statuses: the floor Cloudward is
 * compared with.
 */
final class BareSdkCycle implements CollectionFanout.Cycle<BareSdkCycle.Account> {

    private static final SortCriteria OLDEST_FIRST = SortCriteria.builder().attributeName("updatedAt").orderBy(OrderBy.ASC).build();

    private final AwsClientFactory factory;
    private final StsClient sts;
    private final Clock clock;
    final ApiCallMetrics metrics = new ApiCallMetrics();

    BareSdkCycle(AwsClientFactory factory, AwsCredentialsProvider hub, Clock clock) {
        this.factory = factory;
        this.sts = factory.create(StsClient.builder(), Region.US_EAST_1, hub);
        this.clock = clock;
    }

    record Account(String accountId, AwsCredentialsProvider credentials, Map<String, SdkClient> clients) {
    }

    @Override
    public Account begin(BenchAccount account) {
        Credentials issued = sts.assumeRole(r -> r.roleArn(account.role().roleArn()).externalId(account.role().externalId())
                .roleSessionName("bare").durationSeconds(3600)).credentials();
        return new Account(account.accountId(), StaticCredentialsProvider.create(AwsSessionCredentials.create(
                issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())), new ConcurrentHashMap<>());
    }

    @Override
    public void end(Account account) {
        account.clients().values().forEach(SdkClient::close);
    }

    @Override
    public void collect(Account a, String region, Source source) {
        Region at = region.equals(Source.GLOBAL_REGION) ? Region.US_EAST_1 : Region.of(region);
        switch (source) {
            case GUARDDUTY_DETECTORS -> {
                GuardDutyClient gd = client(a, at, GuardDutyClient.class, GuardDutyClient::builder);
                gd.listDetectors().detectorIds().stream().findFirst().ifPresent(id -> gd.getDetector(r -> r.detectorId(id)));
            }
            case GUARDDUTY_FINDINGS -> {
                GuardDutyClient gd = client(a, at, GuardDutyClient.class, GuardDutyClient::builder);
                gd.listDetectors().detectorIds().stream().findFirst().ifPresent(id -> {
                    String token = null;
                    do {
                        String page = token;
                        var ids = gd.listFindings(r -> r.detectorId(id).sortCriteria(OLDEST_FIRST).maxResults(50).nextToken(page));
                        if (!ids.findingIds().isEmpty()) {
                            gd.getFindings(r -> r.detectorId(id).findingIds(ids.findingIds()).sortCriteria(OLDEST_FIRST));
                        }
                        token = ids.nextToken();
                    } while (token != null && !token.isEmpty());
                });
            }
            case CLOUDTRAIL_TRAILS -> {
                CloudTrailClient ct = client(a, at, CloudTrailClient.class, CloudTrailClient::builder);
                for (Trail trail : ct.describeTrails(r -> r.includeShadowTrails(false)).trailList()) {
                    if (region.equals(trail.homeRegion())) {
                        ct.getTrailStatus(r -> r.name(trail.trailARN()));
                        ct.getEventSelectors(r -> r.trailName(trail.trailARN()));
                        S3Client s3 = client(a, at, S3Client.class, S3Client::builder);
                        absentOk(() -> s3.getBucketPolicyStatus(r -> r.bucket(trail.s3BucketName())));
                        absentOk(() -> s3.getPublicAccessBlock(r -> r.bucket(trail.s3BucketName())));
                    }
                }
            }
            case CLOUDTRAIL_EVENTS -> {
                CloudTrailClient ct = client(a, at, CloudTrailClient.class, CloudTrailClient::builder);
                Instant end = clock.instant();
                Instant start = end.minus(Duration.ofDays(1)); // SourceCollectors.DEFAULT_FIRST_EVENT_LOOK_BACK
                pages(token -> ct.lookupEvents(r -> r.startTime(start).endTime(end).maxResults(50).nextToken(token)).nextToken());
            }
            case CONFIG -> {
                ConfigClient config = client(a, at, ConfigClient.class, ConfigClient::builder);
                config.describeConfigurationRecorders().configurationRecorders().stream()
                        .filter(rec -> rec.servicePrincipal() == null).findFirst().ifPresent(rec ->
                                config.describeConfigurationRecorderStatus(r -> r.configurationRecorderNames(rec.name())));
                pages(token -> config.describeComplianceByConfigRule(r -> r.nextToken(token)).nextToken());
            }
            case EXPOSURE_EC2 -> {
                Ec2Client ec2 = client(a, at, Ec2Client.class, Ec2Client::builder);
                pages(token -> ec2.describeNetworkInterfaces(r -> r.maxResults(1000).nextToken(token)).nextToken());
                pages(token -> ec2.describeSecurityGroups(r -> r.maxResults(1000).nextToken(token)).nextToken());
                pages(token -> ec2.describeInstances(r -> r.filters(Filter.builder().name("instance-state-name")
                        .values("running").build()).maxResults(1000).nextToken(token)).nextToken());
                ec2.getEbsEncryptionByDefault(r -> { });
            }
            case EXPOSURE_RDS -> {
                RdsClient rds = client(a, at, RdsClient.class, RdsClient::builder);
                pages(token -> rds.describeDBInstances(r -> r.maxRecords(100).marker(token)).marker());
            }
            case EXPOSURE_S3 -> {
                S3ControlClient control = client(a, at, S3ControlClient.class, S3ControlClient::builder);
                absentOk(() -> control.getPublicAccessBlock(r -> r.accountId(a.accountId())));
                S3Client listing = client(a, at, S3Client.class, S3Client::builder);
                pages(token -> {
                    var page = listing.listBuckets(r -> r.maxBuckets(1000).continuationToken(token));
                    for (Bucket bucket : page.buckets()) {
                        S3Client s3 = client(a, Region.of(bucket.bucketRegion() == null ? "us-east-1" : bucket.bucketRegion()),
                                S3Client.class, S3Client::builder);
                        absentOk(() -> s3.getPublicAccessBlock(r -> r.bucket(bucket.name())));
                        absentOk(() -> s3.getBucketPolicyStatus(r -> r.bucket(bucket.name())));
                    }
                    return page.continuationToken();
                });
            }
            case IAM -> {
                IamClient iam = client(a, Region.AWS_GLOBAL, IamClient.class, IamClient::builder);
                absentOk(iam::getAccountPasswordPolicy);
                while (iam.generateCredentialReport().state() != ReportStateType.COMPLETE) {
                    sleep(Duration.ofSeconds(1)); // IamCollector's poll interval
                }
                iam.getCredentialReport();
            }
            case BACKUP -> {
                BackupClient backup = client(a, at, BackupClient.class, BackupClient::builder);
                java.util.List<String> vaults = new java.util.ArrayList<>();
                pages(token -> {
                    var page = backup.listBackupVaults(r -> r.nextToken(token));
                    page.backupVaultList().stream().map(BackupVaultListMember::backupVaultName).forEach(vaults::add);
                    return page.nextToken();
                });
                vaults.forEach(vault -> pages(token -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(vault)
                        .nextToken(token)).nextToken()));
                pages(token -> backup.listProtectedResources(r -> r.nextToken(token)).nextToken());
                pages(token -> {
                    var page = backup.listBackupPlans(r -> r.nextToken(token));
                    page.backupPlansList().stream().map(BackupPlansListMember::backupPlanId)
                            .forEach(id -> backup.getBackupPlan(r -> r.backupPlanId(id)));
                    return page.nextToken();
                });
                Instant after = clock.instant().minus(Duration.ofHours(24));
                pages(token -> backup.listBackupJobs(r -> r.byCreatedAfter(after).nextToken(token)).nextToken());
                Ec2Client ec2 = client(a, at, Ec2Client.class, Ec2Client::builder);
                pages(token -> ec2.describeVolumes(r -> r.maxResults(1000).nextToken(token)).nextToken());
                RdsClient rds = client(a, at, RdsClient.class, RdsClient::builder);
                pages(token -> rds.describeDBInstances(r -> r.maxRecords(100).marker(token)).marker());
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code page} with each next token until there is none. */
    private static void pages(Function<String, String> page) {
        String token = null;
        do {
            token = page.apply(token);
        } while (token != null && !token.isEmpty());
    }

    /** A "not configured" answer (NoSuchBucketPolicy, NoSuchEntity, …) is an answer. */
    private static void absentOk(Supplier<?> call) {
        try {
            call.get();
        } catch (AwsServiceException e) {
            if (e.statusCode() != 404 && e.statusCode() != 403) {
                throw e;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Account a, Region region, Class<C> type, Supplier<B> builder) {
        return (C) a.clients().computeIfAbsent(region.id() + "|" + type.getSimpleName(), key -> factory.create(
                builder.get().overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(metrics).build()),
                region, a.credentials()));
    }
}
