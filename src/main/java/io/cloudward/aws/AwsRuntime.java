package io.cloudward.aws;

import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What collection shares across all accounts: the client factory (one HTTP pool), the STS session cache,
 * the client-side rate limits and the API call counters. Build one per application.
 */
public final class AwsRuntime implements AutoCloseable {

    private final AwsClientFactory factory;
    private final AwsSessions sessions;
    private final ApiRateLimiter rateLimiter;
    private final ApiCallMetrics metrics = new ApiCallMetrics();

    public AwsRuntime(AwsClientFactory factory, AwsSessions sessions, ApiRateLimiter rateLimiter) {
        this.factory = factory;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
    }

    /**
     * The usual set-up: one-hour sessions renewed five minutes before expiry, AWS's known rate limits.
     *
     * @param hub the identity Cloudward runs as (it assumes the customer roles)
     */
    public static AwsRuntime of(AwsClientSettings settings, AwsCredentialsProvider hub, Clock clock) {
        AwsClientFactory factory = new AwsClientFactory(settings);
        AwsSessions sessions = new AwsSessions(factory, hub, Region.US_EAST_1, clock, Duration.ofHours(1),
                Duration.ofMinutes(5), "cloudward-collect");
        return new AwsRuntime(factory, sessions, ApiRateLimiter.awsLimits());
    }

    /** The clients of one account; the caller closes them when the account's cycle ends. */
    public AccountClients account(RoleSession role) {
        return new AccountClients(role, this);
    }

    public AwsClientFactory factory() {
        return factory;
    }

    public AwsSessions sessions() {
        return sessions;
    }

    public ApiRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public ApiCallMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        sessions.close();
        factory.close();
    }
}
