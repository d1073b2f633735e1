package io.cloudward.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** How to read AWS errors the same way everywhere: which mean "not allowed", which mean "slow down". */
public final class AwsErrors {

    private static final Set<String> ACCESS_DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "Forbidden");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException", "TooManyRequestsException",
            "RequestLimitExceeded", "SlowDown", "RequestThrottled", "RequestThrottledException",
            "ProvisionedThroughputExceededException");

    private AwsErrors() {
    }

    public static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
    }

    /** The message AWS gave, without the SDK's request-id decoration. */
    public static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    public static boolean accessDenied(AwsServiceException e) {
        return ACCESS_DENIED.contains(code(e));
    }

    public static boolean throttled(AwsServiceException e) {
        return e.isThrottlingException() || THROTTLED.contains(code(e));
    }

    /** The credentials are not valid where they were used: a disabled opt-in region, or an expired session. */
    public static boolean credentialsRejected(AwsServiceException e) {
        return Set.of("InvalidClientTokenId", "UnrecognizedClientException", "AuthFailure", "ExpiredToken",
                "ExpiredTokenException").contains(code(e));
    }
}
