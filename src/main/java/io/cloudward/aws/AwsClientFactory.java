package io.cloudward.aws;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The one place that builds AWS SDK v2 clients: every client shares one Apache HTTP connection pool,
 * uses the SDK standard retry strategy (back-off on throttling) and the same timeouts (connect, read, and a
 * whole-call timeout that bounds retries too). With an
 * endpoint override (the sandbox) S3 uses path-style addressing and every sub-domain of the endpoint
 * host resolves to the endpoint, because S3 Control prefixes the account id to the host.
 *
 * <p>Build one client per account × region × service so one tenant's throttling cannot starve
 * another's; clients are cheap because the HTTP client is shared. Closing the factory closes the pool.
 */
public final class AwsClientFactory implements AutoCloseable {

    private final AwsClientSettings settings;
    private final SdkHttpClient httpClient;

    public AwsClientFactory(AwsClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        ApacheHttpClient.Builder http = ApacheHttpClient.builder()
                .maxConnections(settings.maxConnections())
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout())
                .connectionAcquisitionTimeout(Duration.ofSeconds(10))
                .connectionMaxIdleTime(Duration.ofSeconds(60))
                .tcpKeepAlive(true);
        settings.endpoint().ifPresent(endpoint -> http.dnsResolver(resolverFor(endpoint)));
        this.httpClient = http.build();
    }

    public AwsClientSettings settings() {
        return settings;
    }

    /**
     * Finishes {@code builder} (e.g. {@code GuardDutyClient.builder()}) for one region and identity.
     * Override settings already on the builder (interceptors, metric publishers) are kept; the retry
     * strategy is the factory's.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C create(
            B builder, Region region, AwsCredentialsProvider credentials) {
        ClientOverrideConfiguration given = builder.overrideConfiguration();
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration((given == null ? ClientOverrideConfiguration.builder() : given.toBuilder())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(settings.maxAttempts())
                                .build())
                        .apiCallTimeout(settings.callTimeout())
                        .build());
        builder.httpClient(httpClient);
        settings.endpoint().ifPresent(endpoint -> {
            builder.endpointOverride(endpoint);
            if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
                s3.forcePathStyle(true);
            }
        });
        return builder.build();
    }

    /**
     * Credentials of {@code roleArn} assumed by {@code caller}, refreshed before they expire.
     *
     * @param externalId the ExternalId the role's trust policy demands ({@code null} to send none)
     */
    public AssumedRoleCredentials assumeRole(AwsCredentialsProvider caller, Region stsRegion, String roleArn,
                                             String externalId, String sessionName, Duration duration) {
        StsClient sts = create(StsClient.builder(), stsRegion, caller);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request -> request.roleArn(roleArn)
                        .externalId(externalId)
                        .roleSessionName(sessionName)
                        .durationSeconds((int) duration.toSeconds()))
                .build();
        return new AssumedRoleCredentials(sts, provider);
    }

    @Override
    public void close() {
        httpClient.close();
    }

    private static EndpointDnsResolver resolverFor(URI endpoint) {
        try {
            return new EndpointDnsResolver(endpoint.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("AWS endpoint host does not resolve: " + endpoint, e);
        }
    }
}
