package io.cloudward.collect;

import io.cloudward.aws.AwsFailure;
import software.amazon.awssdk.core.exception.SdkException;

/** An AWS call of a source failed (after the SDK's retries), classified. */
public final class AwsCallFailed extends RuntimeException {

    private final transient AwsFailure failure;

    AwsCallFailed(String action, AwsFailure failure, SdkException cause) {
        super(action + " failed: " + failure.code(), cause);
        this.failure = failure;
    }

    public AwsFailure failure() {
        return failure;
    }
}
