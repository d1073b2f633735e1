package io.cloudward.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How every AWS SDK client is built: timeouts, connection pool, retry attempts and, for the sandbox,
 * the endpoint that replaces AWS.
 *
 * @param endpointOverride where to send every call instead of AWS ({@code null} for real AWS)
 * @param connectTimeout   TCP connect timeout
 * @param readTimeout      socket read timeout; a hung service must not hold a collector forever
 * @param maxConnections   size of the one shared connection pool
 * @param maxAttempts      attempts per call under the SDK standard retry strategy (first try included)
 * @param callTimeout      longest time one API call may take, retries and back-off included, so a region
 *                         that does not answer cannot hold a run
 */
public record AwsClientSettings(URI endpointOverride, Duration connectTimeout, Duration readTimeout,
                                int maxConnections, int maxAttempts, Duration callTimeout) {

    public AwsClientSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Real AWS, the SDK's standard three attempts. */
    public static AwsClientSettings defaults() {
        return new AwsClientSettings(null, Duration.ofSeconds(3), Duration.ofSeconds(30), 200, 3, Duration.ofSeconds(60));
    }

    /** The sandbox (or any AWS look-alike) at {@code endpoint}. */
    public static AwsClientSettings sandbox(URI endpoint) {
        return defaults().withEndpoint(endpoint);
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpointOverride);
    }

    public AwsClientSettings withEndpoint(URI endpoint) {
        return new AwsClientSettings(endpoint, connectTimeout, readTimeout, maxConnections, maxAttempts, callTimeout);
    }

    public AwsClientSettings withReadTimeout(Duration timeout) {
        return new AwsClientSettings(endpointOverride, connectTimeout, timeout, maxConnections, maxAttempts, callTimeout);
    }

    public AwsClientSettings withMaxAttempts(int attempts) {
        return new AwsClientSettings(endpointOverride, connectTimeout, readTimeout, maxConnections, attempts, callTimeout);
    }

    public AwsClientSettings withMaxConnections(int connections) {
        return new AwsClientSettings(endpointOverride, connectTimeout, readTimeout, connections, maxAttempts, callTimeout);
    }

    public AwsClientSettings withCallTimeout(Duration timeout) {
        return new AwsClientSettings(endpointOverride, connectTimeout, readTimeout, maxConnections, maxAttempts, timeout);
    }
}
