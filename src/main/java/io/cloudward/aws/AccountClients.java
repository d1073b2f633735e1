package io.cloudward.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * The SDK clients of one connected account: one per region × service, built on first use over the
 * account's cached STS session and the shared HTTP pool, and reused by every source of the account. Close
 * it when the account's collection cycle ends; that releases the clients, not the pool or the session.
 *
 * <p>{@link #call} is how collectors call AWS: it waits for the API's rate limit in this account and
 * region, and when AWS says the session expired it drops the session and tries once more with a new one.
 */
public final class AccountClients implements AutoCloseable {

    private record Key(Region region, Class<?> type) {
    }

    private final RoleSession role;
    private final AwsRuntime runtime;
    private final AwsCredentialsProvider credentials;
    private final Map<Key, SdkClient> clients = new ConcurrentHashMap<>();

    AccountClients(RoleSession role, AwsRuntime runtime) {
        this.role = role;
        this.runtime = runtime;
        this.credentials = runtime.sessions().credentials(role);
    }

    public String accountId() {
        return role.accountId();
    }

    public RoleSession role() {
        return role;
    }

    /**
     * Makes one AWS call as {@code action} (the IAM action it needs, e.g. {@code cloudtrail:LookupEvents}).
     * SDK retries and timeouts happen inside {@code call}; failures come out as the SDK's exceptions.
     */
    public <T> T call(String region, String action, Supplier<T> call) {
        try {
            runtime.rateLimiter().acquire(role.accountId(), region, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the rate limit of " + action, e);
        }
        AwsCredentials used = credentials.resolveCredentials();
        try {
            return call.get();
        } catch (SdkException e) {
            if (AwsFailure.of(e, action).kind() != AwsFailure.Kind.EXPIRED_SESSION) {
                throw e;
            }
            runtime.sessions().expired(role, used);
            return call.get();
        }
    }

    public Ec2Client ec2(Region region) {
        return client(region, Ec2Client.class, Ec2Client::builder);
    }

    public RdsClient rds(Region region) {
        return client(region, RdsClient.class, RdsClient::builder);
    }

    public GuardDutyClient guardDuty(Region region) {
        return client(region, GuardDutyClient.class, GuardDutyClient::builder);
    }

    public CloudTrailClient cloudTrail(Region region) {
        return client(region, CloudTrailClient.class, CloudTrailClient::builder);
    }

    public ConfigClient config(Region region) {
        return client(region, ConfigClient.class, ConfigClient::builder);
    }

    public BackupClient backup(Region region) {
        return client(region, BackupClient.class, BackupClient::builder);
    }

    public S3Client s3(Region region) {
        return client(region, S3Client.class, S3Client::builder);
    }

    public S3ControlClient s3Control(Region region) {
        return client(region, S3ControlClient.class, S3ControlClient::builder);
    }

    /** IAM is global: its one endpoint lives in us-east-1 (in the aws partition). */
    public IamClient iam() {
        return client(Region.AWS_GLOBAL, IamClient.class, IamClient::builder);
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
            Region region, Class<C> type, Supplier<B> builder) {
        return type.cast(clients.computeIfAbsent(new Key(region, type), key -> runtime.factory().create(
                builder.get().overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(runtime.metrics()).build()),
                region, credentials)));
    }
}
