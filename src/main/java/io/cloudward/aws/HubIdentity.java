package io.cloudward.aws;

import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private record Resolved(AwsClientFactory factory, AwsCredentialsProvider credentials, String principalArn) {
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
        return resolve().factory();
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
        return new Resolved(new AwsClientFactory(AwsClientSettings.sandbox(server.endpoint())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(hub.accessKeyId(), hub.secretAccessKey())),
                config.principalArn().orElse(hub.arn()));
    }

    private Resolved awsIdentity() {
        AwsClientSettings settings = config.endpoint().map(AwsClientSettings::sandbox).orElse(AwsClientSettings.defaults());
        String principal = config.principalArn().orElseThrow(() -> new IllegalStateException(
                "cloudward.aws.principal-arn (CLOUDWARD_AWS_PRINCIPAL_ARN) must name the IAM role Cloudward runs as"));
        return new Resolved(new AwsClientFactory(settings), DefaultCredentialsProvider.builder().build(), principal);
    }

    void close(@Observes ShutdownEvent event) {
        Optional.ofNullable(resolved).ifPresent(r -> r.factory().close());
    }
}
