package io.cloudward.sandbox.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The AWS wire protocols the sandbox speaks, each with its own error document. The SDKs map an error to
 * an exception type by its code, read from a different place in each protocol, so the shape matters.
 */
public enum Protocol {
    /** STS, IAM, RDS: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>}. */
    QUERY,
    /** EC2: {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>}. */
    EC2,
    /** JSON 1.1 (CloudTrail, Config, Organizations): {@code {"__type", "message"}} plus x-amzn-ErrorType. */
    JSON,
    /** REST-JSON (GuardDuty, Backup): the code in x-amzn-ErrorType, the message in the body. */
    REST_JSON,
    /** S3: {@code <Error><Code/><Message/>…<RequestId/><HostId/></Error>}. */
    S3,
    /** S3 Control: the same elements inside {@code <ErrorResponse>}. */
    S3_CONTROL;

    public static final String JSON_11 = "application/x-amz-json-1.1";

    /** Renders {@code error}; {@code namespace} is the query service's XML namespace (else ignored). */
    public Response error(AwsError error, String requestId, String namespace) {
        return switch (this) {
            case QUERY -> xml(error.status(), XmlWriter.document("ErrorResponse", namespace)
                    .start("Error")
                    .element("Type", error.senderFault() ? "Sender" : "Receiver")
                    .element("Code", error.code())
                    .element("Message", error.getMessage())
                    .end()
                    .element("RequestId", requestId)
                    .finish(), "text/xml")
                    .withHeader("x-amzn-RequestId", requestId);
            case EC2 -> xml(error.status(), XmlWriter.document("Response", null)
                    .start("Errors").start("Error")
                    .element("Code", error.code())
                    .element("Message", error.getMessage())
                    .end().end()
                    .element("RequestID", requestId)
                    .finish(), "text/xml;charset=UTF-8");
            case JSON, REST_JSON -> {
                ObjectNode body = Json.object().put("__type", error.code()).put("message", error.getMessage());
                error.extra().forEach(body::put);
                yield Json.response(error.status(), body, this == JSON ? JSON_11 : "application/json")
                        .withHeader("x-amzn-ErrorType", error.code())
                        .withHeader("x-amzn-RequestId", requestId);
            }
            case S3 -> s3Headers(xml(error.status(), s3ErrorBody(XmlWriter.document("Error", null), error, requestId)
                    .finish(), "application/xml"), requestId);
            case S3_CONTROL -> s3Headers(xml(error.status(), s3ErrorBody(
                    XmlWriter.document("ErrorResponse", null).start("Error"), error, requestId)
                    .finish(), "application/xml"), requestId);
        };
    }

    /** Request-id headers a successful answer carries in this protocol. */
    public Response withRequestId(Response response, String requestId) {
        return switch (this) {
            case S3, S3_CONTROL -> s3Headers(response, requestId);
            case EC2 -> response;
            default -> response.withHeader("x-amzn-RequestId", requestId);
        };
    }

    private static XmlWriter s3ErrorBody(XmlWriter xml, AwsError error, String requestId) {
        xml.element("Code", error.code()).element("Message", error.getMessage());
        for (Map.Entry<String, String> entry : error.extra().entrySet()) {
            xml.element(entry.getKey(), entry.getValue());
        }
        return xml.element("RequestId", requestId).element("HostId", hostId(requestId));
    }

    private static Response s3Headers(Response response, String requestId) {
        return response.withHeader("x-amz-request-id", requestId).withHeader("x-amz-id-2", hostId(requestId));
    }

    private static String hostId(String requestId) {
        return java.util.Base64.getEncoder().encodeToString(requestId.getBytes(StandardCharsets.UTF_8));
    }

    private static Response xml(int status, String body, String contentType) {
        return Response.of(status, contentType, body);
    }
}
