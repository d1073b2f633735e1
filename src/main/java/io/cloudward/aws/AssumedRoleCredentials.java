package io.cloudward.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Temporary credentials of one assumed role, refreshed by the SDK before they expire. Closing it
 * releases the STS client it owns (the shared HTTP client stays open).
 */
public final class AssumedRoleCredentials implements AwsCredentialsProvider, AutoCloseable {

    private final StsClient sts;
    private final StsAssumeRoleCredentialsProvider provider;

    AssumedRoleCredentials(StsClient sts, StsAssumeRoleCredentialsProvider provider) {
        this.sts = sts;
        this.provider = provider;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return provider.resolveCredentials();
    }

    @Override
    public void close() {
        provider.close();
        sts.close();
    }
}
