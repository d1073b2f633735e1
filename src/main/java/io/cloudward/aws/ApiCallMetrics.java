package io.cloudward.aws;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts AWS API calls by how they ended, across every client it is installed on, plus the HTTP attempts
 * they took (retries included): the numbers behind "API calls/s" and the share of throttled calls.
 */
public final class ApiCallMetrics implements ExecutionInterceptor {

    private final Map<AwsCallOutcome, LongAdder> calls = new EnumMap<>(AwsCallOutcome.class);
    private final LongAdder attempts = new LongAdder();

    /** How one call (all its attempts) ended. */
    public enum AwsCallOutcome { SUCCEEDED, ACCESS_DENIED, THROTTLED, REGION_DISABLED, EXPIRED_SESSION, TIMEOUT, ERROR }

    public ApiCallMetrics() {
        for (AwsCallOutcome outcome : AwsCallOutcome.values()) {
            calls.put(outcome, new LongAdder());
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.increment();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        calls.get(AwsCallOutcome.SUCCEEDED).increment();
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        AwsCallOutcome outcome = context.exception() instanceof SdkException sdk
                ? AwsCallOutcome.valueOf(AwsFailure.of(sdk, "").kind().name()) : AwsCallOutcome.ERROR;
        calls.get(outcome).increment();
    }

    public long calls(AwsCallOutcome outcome) {
        return calls.get(outcome).sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** HTTP requests sent, retries included. */
    public long attempts() {
        return attempts.sum();
    }
}
