package io.cloudward.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class AwsFailureTest {

    private static AwsServiceException error(String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void accessDeniedNamesTheActionFromTheMessage() {
        AwsFailure failure = AwsFailure.of(error("UnauthorizedOperation", 403, "You are not authorized to perform this "
                + "operation. User: arn:aws:sts::1:assumed-role/R/s is not authorized to perform: ec2:DescribeVolumes "
                + "because no identity-based policy allows it"), "ec2:DescribeInstances");
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, failure.kind());
        assertEquals(Optional.of("ec2:DescribeVolumes"), failure.action());
    }

    @Test
    void accessDeniedWithoutANameFallsBackToTheCallsAction() {
        AwsFailure failure = AwsFailure.of(error("AccessDenied", 403, "Access Denied"), "s3:GetBucketPolicyStatus");
        assertEquals(Optional.of("s3:GetBucketPolicyStatus"), failure.action());
    }

    @Test
    void otherFailuresAreClassifiedByCode() {
        assertEquals(AwsFailure.Kind.THROTTLED, AwsFailure.of(error("RequestLimitExceeded", 503, "slow"), "a").kind());
        assertEquals(AwsFailure.Kind.THROTTLED, AwsFailure.of(error("ThrottlingException", 400, "Rate"), "a").kind());
        assertEquals(AwsFailure.Kind.REGION_DISABLED, AwsFailure.of(error("AuthFailure", 401, "x"), "a").kind());
        assertEquals(AwsFailure.Kind.EXPIRED_SESSION, AwsFailure.of(error("ExpiredTokenException", 403, "x"), "a").kind());
        assertEquals(AwsFailure.Kind.ERROR, AwsFailure.of(error("InternalFailure", 500, "x"), "a").kind());
        AwsFailure timeout = AwsFailure.of(ApiCallTimeoutException.create(1000), "a");
        assertEquals(AwsFailure.Kind.TIMEOUT, timeout.kind());
        assertEquals("ApiCallTimeout", timeout.code());
    }
}
