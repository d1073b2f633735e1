package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A management event in the region's CloudTrail event history (LookupEvents).
 *
 * @param source   event source, e.g. {@code cloudtrail.amazonaws.com}
 * @param userType {@code IAMUser}, {@code Root} or {@code AssumedRole}
 * @param mfaUsed  for {@code ConsoleLogin}: whether MFA was used
 */
public record TrailEvent(String id, Instant time, String name, String source, String username, String userType,
                         String sourceIp, String userAgent, Boolean readOnly, String accessKeyId, Boolean mfaUsed,
                         String errorCode, List<EventResource> resources, Map<String, Object> requestParameters) {

    public TrailEvent {
        if (time == null || name == null || source == null) {
            throw new IllegalArgumentException("an event needs a time, a name and a source");
        }
        username = username == null ? "root" : username;
        userType = userType == null ? (username.equals("root") ? "Root" : "IAMUser") : userType;
        sourceIp = sourceIp == null ? "203.0.113.10" : sourceIp;
        userAgent = userAgent == null ? "aws-cli/2.15.0" : userAgent;
        readOnly = readOnly != null && readOnly;
        resources = Lists.orEmpty(resources);
        requestParameters = Lists.orEmpty(requestParameters);
    }

    public TrailEvent withId(String newId) {
        return new TrailEvent(newId, time, name, source, username, userType, sourceIp, userAgent, readOnly,
                accessKeyId, mfaUsed, errorCode, resources, requestParameters);
    }
}
