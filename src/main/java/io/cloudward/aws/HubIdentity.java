package io.cloudward.aws;

import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Cloudward's own AWS identity, from which it assumes customer roles, and the one client factory every
 * AWS call goes through. In production the identity is the standard AWS credential chain (the pod's
 * IRSA role or the instance profile); with the sandbox running it is the sandbox's hub principal. No
 * customer ever gives Cloudward access keys.
 */
@ApplicationScoped
public class HubIdentity {

    private final AwsConfig config;
    private final SandboxStarter sandbox;
    private volatile Resolved resolved;

    private record Resolved(AwsRuntime runtime, AwsCredentialsProvider credentials, String principalArn, Clock clock) {
    }

    public HubIdentity(AwsConfig config, SandboxStarter sandbox) {
        this.config = config;
        this.sandbox = sandbox;
    }

    /** The principal customer roles must trust (shown on the Connect page and in the templates). */
    public String principalArn() {
        return resolve().principalArn();
    }

    public AwsCredentialsProvider credentials() {
        return resolve().credentials();
    }

    public AwsClientFactory clients() {
        return resolve().runtime().factory();
    }

    /** Sessions, rate limits and counters shared by every collection on this instance. */
    public AwsRuntime runtime() {
        return resolve().runtime();
    }

    /** The time AWS data is judged by: the sandbox's when it runs, else the system's. */
    public Clock clock() {
        return resolve().clock();
    }

    public Region stsRegion() {
        return Region.of(config.stsRegion());
    }

    public String sessionName() {
        return config.sessionName();
    }

    private Resolved resolve() {
        Resolved current = resolved;
        if (current == null) {
            synchronized (this) {
                if (resolved == null) {
                    resolved = sandbox.server().map(this::sandboxIdentity).orElseGet(this::awsIdentity);
                }
                current = resolved;
            }
        }
        return current;
    }

    private Resolved sandboxIdentity(SandboxServer server) {
        var hub = server.hubCredentials();
        AwsCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(hub.accessKeyId(), hub.secretAccessKey()));
        // Collection reads the sandbox's clock (tests and demos move it); sessions keep real time, as with AWS.
        return new Resolved(runtime(AwsClientSettings.sandbox(server.endpoint()), credentials), credentials,
                config.principalArn().orElse(hub.arn()), server.clock().asClock());
    }

    private Resolved awsIdentity() {
        AwsClientSettings settings = config.endpoint().map(AwsClientSettings::sandbox).orElse(AwsClientSettings.defaults());
        String principal = config.principalArn().orElseThrow(() -> new IllegalStateException(
                "cloudward.aws.principal-arn (CLOUDWARD_AWS_PRINCIPAL_ARN) must name the IAM role Cloudward runs as"));
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        return new Resolved(runtime(settings, credentials), credentials, principal, Clock.systemUTC());
    }

    private AwsRuntime runtime(AwsClientSettings configured, AwsCredentialsProvider credentials) {
        AwsClientSettings settings = configured.withCallTimeout(config.callTimeout()).withReadTimeout(config.readTimeout());
        AwsClientFactory factory = new AwsClientFactory(settings);
        return new AwsRuntime(factory, new AwsSessions(factory, credentials, stsRegion(), Clock.systemUTC(), Duration.ofHours(1),
                Duration.ofMinutes(5), config.sessionName()), ApiRateLimiter.awsLimits());
    }

    void close(@Observes ShutdownEvent event) {
        Optional.ofNullable(resolved).ifPresent(r -> r.runtime().close());
    }
}
