package io.cloudward.sandbox.protocol;

/**
 * The errors every AWS service answers the same way within a protocol, with the codes and statuses AWS
 * uses. Where the protocols differ the differences are real: EC2 says {@code AuthFailure} (401) where
 * query services say {@code InvalidClientTokenId} and JSON services {@code UnrecognizedClientException};
 * JSON services answer a bad signature with {@code InvalidSignatureException}, the others with
 * {@code SignatureDoesNotMatch}; EC2 reports expired session credentials as {@code RequestExpired}.
 */
public final class StandardErrors {

    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";
    private static final String EXPIRED_TOKEN = "The security token included in the request is expired";
    private static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature "
            + "you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation "
            + "for details.";

    private StandardErrors() {
    }

    public static AwsError missingAuthentication(Protocol protocol) {
        return switch (protocol) {
            case QUERY, EC2 -> new AwsError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case JSON, REST_JSON -> new AwsError("MissingAuthenticationTokenException", 403,
                    "Missing Authentication Token");
            case S3, S3_CONTROL -> new AwsError("AccessDenied", 403, "Access Denied");
        };
    }

    public static AwsError incompleteSignature(Protocol protocol, String message) {
        return switch (protocol) {
            case JSON, REST_JSON -> new AwsError("IncompleteSignatureException", 400, message);
            case S3, S3_CONTROL -> new AwsError("AuthorizationHeaderMalformed", 400, message);
            default -> new AwsError("IncompleteSignature", 400, message);
        };
    }

    /**
     * An access key AWS does not know. A session key used in an opt-in region the account has not enabled
     * gets the same answer from AWS, because credentials are not valid there.
     */
    public static AwsError unknownAccessKey(Protocol protocol) {
        return switch (protocol) {
            case QUERY -> new AwsError("InvalidClientTokenId", 403, INVALID_TOKEN);
            case EC2 -> new AwsError("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
            case JSON, REST_JSON -> new AwsError("UnrecognizedClientException", 403, INVALID_TOKEN);
            case S3, S3_CONTROL -> new AwsError("InvalidAccessKeyId", 403,
                    "The AWS Access Key Id you provided does not exist in our records.");
        };
    }

    /** A known session key with a missing or wrong session token. */
    public static AwsError invalidSessionToken(Protocol protocol) {
        return switch (protocol) {
            case S3, S3_CONTROL -> new AwsError("InvalidToken", 400, "The provided token is malformed or otherwise invalid.");
            default -> unknownAccessKey(protocol);
        };
    }

    public static AwsError expiredToken(Protocol protocol) {
        return switch (protocol) {
            case QUERY -> new AwsError("ExpiredToken", 403, EXPIRED_TOKEN);
            case EC2 -> new AwsError("RequestExpired", 400, "Request has expired.");
            case JSON, REST_JSON -> new AwsError("ExpiredTokenException", 403, EXPIRED_TOKEN);
            case S3, S3_CONTROL -> new AwsError("ExpiredToken", 400, "The provided token has expired.");
        };
    }

    public static AwsError signatureMismatch(Protocol protocol) {
        return switch (protocol) {
            case JSON, REST_JSON -> new AwsError("InvalidSignatureException", 403, BAD_SIGNATURE);
            case S3, S3_CONTROL -> new AwsError("SignatureDoesNotMatch", 403, "The request signature we calculated "
                    + "does not match the signature you provided. Check your key and signing method.");
            default -> new AwsError("SignatureDoesNotMatch", 403, BAD_SIGNATURE);
        };
    }

    /** A permission the caller's policies do not grant, naming the IAM action as AWS does. */
    public static AwsError accessDenied(Protocol protocol, String principalArn, String action, String resource) {
        String because = " because no identity-based policy allows the " + action + " action";
        String onResource = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: ";
        return switch (protocol) {
            case QUERY -> new AwsError("AccessDenied", 403, onResource + resource + because);
            case EC2 -> new AwsError("UnauthorizedOperation", 403, "You are not authorized to perform this operation. "
                    + "User: " + principalArn + " is not authorized to perform: " + action + because);
            case JSON -> new AwsError("AccessDeniedException", 400, onResource + resource + because);
            case REST_JSON -> new AwsError("AccessDeniedException", 403, onResource + resource + because);
            case S3, S3_CONTROL -> new AwsError("AccessDenied", 403, onResource + "\"" + resource + "\"" + because);
        };
    }

    public static AwsError throttled(Protocol protocol) {
        return switch (protocol) {
            case QUERY -> new AwsError("Throttling", 400, "Rate exceeded");
            case EC2 -> new AwsError("RequestLimitExceeded", 503, "Request limit exceeded.");
            case JSON, REST_JSON -> new AwsError("ThrottlingException", 400, "Rate exceeded");
            case S3, S3_CONTROL -> new AwsError("SlowDown", 503, "Please reduce your request rate.");
        };
    }

    /** A server-side failure: {@code status} 500 (internal error) or 503 (unavailable). */
    public static AwsError serverError(Protocol protocol, int status) {
        boolean unavailable = status == 503;
        return switch (protocol) {
            case QUERY, JSON, REST_JSON -> unavailable
                    ? new AwsError("ServiceUnavailable", 503, "Service is unable to handle request.")
                    : new AwsError("InternalFailure", 500, "The request processing has failed because of an unknown "
                            + "error, exception or failure.");
            case EC2 -> unavailable
                    ? new AwsError("Unavailable", 503, "The server is overloaded and can't handle the request.")
                    : new AwsError("InternalError", 500, "An internal error has occurred.");
            case S3, S3_CONTROL -> unavailable
                    ? new AwsError("ServiceUnavailable", 503, "Service is unable to handle request.")
                    : new AwsError("InternalError", 500, "We encountered an internal error. Please try again.");
        };
    }

    /** An operation the service does not have (never a fake success). */
    public static AwsError unknownOperation(Protocol protocol, String operation) {
        return switch (protocol) {
            case QUERY, EC2 -> new AwsError("InvalidAction", 400,
                    "The action " + operation + " is not valid for this web service.");
            case JSON -> new AwsError("UnknownOperationException", 400, "Unknown operation " + operation);
            case REST_JSON -> new AwsError("UnknownOperationException", 404, "Unknown operation " + operation);
            case S3, S3_CONTROL -> new AwsError("NotImplemented", 501,
                    "A header you provided implies functionality that is not implemented");
        };
    }
}
