package io.cloudward.checks.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of one CloudTrail event record that classification needs, e.g. parsed from LookupEvents'
 * CloudTrailEvent string or from a log file's Records[].
 *
 * @param eventName          eventName
 * @param eventSource        eventSource, e.g. cloudtrail.amazonaws.com
 * @param awsRegion          awsRegion
 * @param eventTime          eventTime
 * @param userIdentityType   userIdentity.type: Root, IAMUser, AssumedRole, AWSService…
 * @param userArn            userIdentity.arn
 * @param invokedBy          userIdentity.invokedBy, set when an AWS service acted for the caller
 * @param eventType          eventType, e.g. AwsApiCall, AwsConsoleSignIn, AwsServiceEvent
 * @param sourceIpAddress    sourceIPAddress
 * @param errorCode          errorCode, set when the call failed
 * @param mfaUsed            additionalEventData.MFAUsed (ConsoleLogin): Yes or No
 * @param consoleLoginResult responseElements.ConsoleLogin (ConsoleLogin): Success or Failure
 * @param requestParameters  the top-level scalar requestParameters as text, e.g. enable=false, action=ARCHIVE
 */
public record TrailEvent(String eventName, String eventSource, String awsRegion, Optional<Instant> eventTime,
                         String userIdentityType, Optional<String> userArn, Optional<String> invokedBy,
                         Optional<String> eventType, Optional<String> sourceIpAddress, Optional<String> errorCode,
                         Optional<String> mfaUsed, Optional<String> consoleLoginResult,
                         Map<String, String> requestParameters) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrailEvent {
        requireText(eventName, "eventName");
        requireText(eventSource, "eventSource");
        requireText(awsRegion, "awsRegion");
        Objects.requireNonNull(eventTime, "eventTime");
        requireText(userIdentityType, "userIdentity.type");
        Objects.requireNonNull(userArn, "userArn");
        Objects.requireNonNull(invokedBy, "invokedBy");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(sourceIpAddress, "sourceIpAddress");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(mfaUsed, "mfaUsed");
        Objects.requireNonNull(consoleLoginResult, "consoleLoginResult");
        requestParameters = Map.copyOf(requestParameters);
    }

    /** Parses one event record as JSON text. */
    public static TrailEvent parse(String json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A CloudTrail event is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads one event record already parsed into a tree. */
    public static TrailEvent fromJson(JsonNode event) {
        Map<String, String> parameters = new LinkedHashMap<>();
        event.path("requestParameters").properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                parameters.put(field.getKey(), field.getValue().asText());
            }
        });
        return new TrailEvent(text(event, "eventName").orElse(null), text(event, "eventSource").orElse(null),
                text(event, "awsRegion").orElse(null), text(event, "eventTime").map(TrailEvent::instant),
                text(event.path("userIdentity"), "type").orElse(null), text(event.path("userIdentity"), "arn"),
                text(event.path("userIdentity"), "invokedBy"), text(event, "eventType"), text(event, "sourceIPAddress"),
                text(event, "errorCode"), text(event.path("additionalEventData"), "MFAUsed"),
                text(event.path("responseElements"), "ConsoleLogin"), parameters);
    }

    public boolean succeeded() {
        return errorCode.isEmpty();
    }

    /** Who acted, as a person would name them: the ARN, else the identity type. */
    public String actor() {
        return userArn.orElse(userIdentityType);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudTrail eventTime is not an ISO-8601 instant: " + text, e);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A CloudTrail event needs " + field);
        }
    }
}
