package io.cloudward.aws;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * What went wrong with an AWS call, in the terms a user sees on a run: which kind of failure, AWS's error
 * code, and for AccessDenied the IAM action that is missing.
 *
 * @param kind   the class of failure
 * @param code   AWS's error code (e.g. {@code UnauthorizedOperation}) or, for client-side failures, a name
 *               of ours ({@code ApiCallTimeout}, {@code ClientError})
 * @param action the IAM action refused, for {@link Kind#ACCESS_DENIED}
 * @param message AWS's message or the client exception's
 */
public record AwsFailure(Kind kind, String code, Optional<String> action, String message) {

    public enum Kind { ACCESS_DENIED, THROTTLED, REGION_DISABLED, EXPIRED_SESSION, TIMEOUT, ERROR }

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "UnauthorizedException", "Forbidden");
    /** How AWS answers in an opt-in region the account has not enabled: the credentials are unknown there. */
    private static final Set<String> UNKNOWN_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "AuthFailure", "InvalidAccessKeyId");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Pattern NOT_AUTHORIZED = Pattern.compile("not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)");

    /**
     * Classifies a failed call.
     *
     * @param attemptedAction the IAM action of the call, named when AWS's message does not name it
     */
    public static AwsFailure of(SdkException failure, String attemptedAction) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
                    ? "HTTP" + service.statusCode() : service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails() == null ? String.valueOf(service.getMessage())
                    : String.valueOf(service.awsErrorDetails().errorMessage());
            if (DENIED.contains(code)) {
                return new AwsFailure(Kind.ACCESS_DENIED, code, Optional.of(deniedAction(message).orElse(attemptedAction)),
                        message);
            }
            if (service.isThrottlingException()) {
                return new AwsFailure(Kind.THROTTLED, code, Optional.empty(), message);
            }
            if (EXPIRED.contains(code)) {
                return new AwsFailure(Kind.EXPIRED_SESSION, code, Optional.empty(), message);
            }
            if (UNKNOWN_CREDENTIALS.contains(code)) {
                return new AwsFailure(Kind.REGION_DISABLED, code, Optional.empty(), message);
            }
            return new AwsFailure(Kind.ERROR, code, Optional.empty(), message);
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return new AwsFailure(Kind.TIMEOUT, "ApiCallTimeout", Optional.empty(), String.valueOf(failure.getMessage()));
        }
        String code = failure instanceof SdkClientException ? "ClientError" : failure.getClass().getSimpleName();
        return new AwsFailure(Kind.ERROR, code, Optional.empty(), String.valueOf(failure.getMessage()));
    }

    /** The action AWS names in "… is not authorized to perform: ec2:DescribeVolumes …". */
    static Optional<String> deniedAction(String message) {
        Matcher matcher = NOT_AUTHORIZED.matcher(message == null ? "" : message);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
