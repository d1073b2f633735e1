package io.cloudward.sandbox;

import io.cloudward.aws.AssumedRoleCredentials;
import io.cloudward.aws.AwsClientFactory;
import io.cloudward.aws.AwsClientSettings;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.identity.HubPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A sandbox on a free port with the four scenarios, and SDK clients built by {@link AwsClientFactory}
 * exactly as the application builds them, only the endpoint pointing at the sandbox.
 */
final class SandboxFixture implements AutoCloseable {

    static final String CODESPACES = "111111111111";
    static final String EXPOSED_DB = "222222222222";
    static final String BLIND_SPOTS = "333333333333";
    static final String WELL_RUN = "444444444444";
    static final String ROLE = "CloudwardSecurityAudit";

    final SandboxServer sandbox;
    final AwsClientFactory factory;
    private final List<AutoCloseable> opened = new ArrayList<>();

    SandboxFixture() {
        this(SandboxSettings.defaults().withPort(0));
    }

    SandboxFixture(SandboxSettings settings) {
        sandbox = SandboxServer.start(settings);
        factory = new AwsClientFactory(AwsClientSettings.sandbox(sandbox.endpoint()).withMaxAttempts(4)
                .withReadTimeout(Duration.ofSeconds(5)));
    }

    AwsCredentialsProvider hub() {
        HubPrincipal hub = sandbox.hubCredentials();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(hub.accessKeyId(), hub.secretAccessKey()));
    }

    /** The customer role of {@code accountId}, assumed by the hub with the scenario's ExternalId. */
    AwsCredentialsProvider role(String accountId) {
        String externalId = sandbox.estate().role(accountId, ROLE).orElseThrow().externalId();
        AssumedRoleCredentials credentials = factory.assumeRole(hub(), Region.US_EAST_1, roleArn(accountId),
                externalId, "cloudward-test", Duration.ofHours(1));
        opened.add(credentials);
        return credentials;
    }

    /**
     * Lets the Cloudward role of {@code accountId} also call {@code actions}, which Cloudward's template
     * does not grant, for tests of operations the sandbox serves beyond what collectors call.
     */
    void allowBeyondTemplate(String accountId, String... actions) {
        Role role = sandbox.estate().role(accountId, ROLE).orElseThrow();
        List<String> allowed = new ArrayList<>(role.allowedActions());
        allowed.addAll(List.of(actions));
        sandbox.estate().putRole(accountId, role.withPermissions(allowed, role.deniedActions()));
    }

    <C extends AutoCloseable> C track(C client) {
        opened.add(client);
        return client;
    }

    static String roleArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/" + ROLE;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
        factory.close();
        sandbox.close();
    }
}
