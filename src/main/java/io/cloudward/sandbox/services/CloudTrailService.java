package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.EventResource;
import io.cloudward.sandbox.estate.Trail;
import io.cloudward.sandbox.estate.TrailEvent;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CloudTrail (JSON 1.1): trails (multi-region trails show in every region, as shadow trails outside
 * their home region), their status and event selectors, and LookupEvents over the event history.
 */
public final class CloudTrailService extends JsonService {

    static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private static final Set<String> ATTRIBUTE_KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username",
            "ResourceType", "ResourceName", "EventSource", "AccessKeyId");

    public CloudTrailService() {
        super(TARGET_PREFIX);
        register(Operation.of("cloudtrail", "DescribeTrails", Protocol.JSON, this::describeTrails));
        register(Operation.of("cloudtrail", "GetTrailStatus", Protocol.JSON, this::getTrailStatus));
        register(Operation.of("cloudtrail", "GetEventSelectors", Protocol.JSON, this::getEventSelectors));
        register(Operation.of("cloudtrail", "LookupEvents", Protocol.JSON, this::lookupEvents));
    }

    @Override
    public String signingName() {
        return "cloudtrail";
    }

    private Response describeTrails(Call call) {
        ObjectNode input = call.request().json();
        boolean includeShadow = input.path("includeShadowTrails").asBoolean(true);
        List<String> names = new ArrayList<>();
        input.path("trailNameList").forEach(name -> names.add(name.asText()));
        Account account = call.account();
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("trailList");
        for (Trail trail : visibleTrails(call)) {
            boolean shadow = !trail.homeRegion().equals(call.region());
            if (shadow && !includeShadow) {
                continue;
            }
            if (!names.isEmpty() && !names.contains(trail.name()) && !names.contains(trail.arn(account.id()))) {
                continue;
            }
            ObjectNode item = list.addObject()
                    .put("Name", trail.name())
                    .put("S3BucketName", trail.s3BucketName())
                    .put("IncludeGlobalServiceEvents", trail.includeGlobalServiceEvents())
                    .put("IsMultiRegionTrail", trail.multiRegion())
                    .put("HomeRegion", trail.homeRegion())
                    .put("TrailARN", trail.arn(account.id()))
                    .put("LogFileValidationEnabled", trail.logFileValidation());
            Json.putText(item, "CloudWatchLogsLogGroupArn", trail.cloudWatchLogsLogGroupArn());
            Json.putText(item, "KmsKeyId", trail.kmsKeyId());
            item.put("HasCustomEventSelectors", !trail.readWriteType().equals("All") || !trail.includeManagementEvents())
                    .put("HasInsightSelectors", false)
                    .put("IsOrganizationTrail", trail.organizationTrail());
        }
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response getTrailStatus(Call call) {
        Trail trail = trail(call, required(call.request().json(), "Name"));
        Instant lastDelivery = trail.latestDeliveryTime() != null ? trail.latestDeliveryTime()
                : trail.logging() ? deliveryTime(call.now()) : trail.stopLoggingTime();
        ObjectNode body = Json.object().put("IsLogging", trail.logging());
        Json.putText(body, "LatestDeliveryError", trail.latestDeliveryError());
        Json.putTime(body, "LatestDeliveryTime", lastDelivery);
        Json.putTime(body, "StartLoggingTime", trail.startLoggingTime());
        Json.putTime(body, "StopLoggingTime", trail.stopLoggingTime());
        if (trail.logFileValidation()) {
            Json.putTime(body, "LatestDigestDeliveryTime", lastDelivery);
        }
        Json.putText(body, "LatestDeliveryAttemptTime", lastDelivery == null ? null : Timestamps.iso(lastDelivery));
        Json.putText(body, "LatestDeliveryAttemptSucceeded", lastDelivery == null ? null
                : trail.latestDeliveryError() == null ? Timestamps.iso(lastDelivery) : "");
        Json.putText(body, "TimeLoggingStarted",
                trail.startLoggingTime() == null ? null : Timestamps.iso(trail.startLoggingTime()));
        Json.putText(body, "TimeLoggingStopped",
                trail.stopLoggingTime() == null ? null : Timestamps.iso(trail.stopLoggingTime()));
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response getEventSelectors(Call call) {
        Trail trail = trail(call, required(call.request().json(), "TrailName"));
        ObjectNode body = Json.object().put("TrailARN", trail.arn(call.accountId()));
        ObjectNode selector = body.putArray("EventSelectors").addObject()
                .put("ReadWriteType", trail.readWriteType())
                .put("IncludeManagementEvents", trail.includeManagementEvents());
        selector.putArray("DataResources");
        selector.putArray("ExcludeManagementEventSources");
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response lookupEvents(Call call) {
        ObjectNode input = call.request().json();
        JsonNode attributes = input.path("LookupAttributes");
        if (attributes.size() > 1) {
            throw new AwsError("InvalidLookupAttributesException", 400,
                    "You cannot specify more than one lookup attribute.");
        }
        EventLookup.Attribute attribute = null;
        if (attributes.size() == 1) {
            String key = attributes.get(0).path("AttributeKey").asText();
            if (!ATTRIBUTE_KEYS.contains(key)) {
                throw new AwsError("InvalidLookupAttributesException", 400, "The attribute key " + key + " is not valid.");
            }
            attribute = new EventLookup.Attribute(key, attributes.get(0).path("AttributeValue").asText());
        }
        Instant start = input.hasNonNull("StartTime") ? Timestamps.parseJson(input.get("StartTime")) : null;
        Instant end = input.hasNonNull("EndTime") ? Timestamps.parseJson(input.get("EndTime")) : null;
        if (start != null && end != null && start.isAfter(end)) {
            throw new AwsError("InvalidTimeRangeException", 400, "Start time must be before end time.");
        }
        int max = input.path("MaxResults").asInt(50);
        if (max < 1 || max > 50) {
            throw new AwsError("InvalidMaxResultsException", 400, "MaxResults must be between 1 and 50.");
        }
        ObjectNode body = Json.object();
        ArrayNode events = body.putArray("Events");
        if (input.path("EventCategory").asText("").equals("insight")) {
            return Json.response(200, body, Protocol.JSON_11);
        }
        String token = input.hasNonNull("NextToken") ? input.get("NextToken").asText() : null;
        EventLookup.Page page = EventLookup.lookup(call.regionView(), call.now(), attribute, start, end, max, token);
        for (TrailEvent event : page.events()) {
            ObjectNode item = events.addObject()
                    .put("EventId", event.id())
                    .put("EventName", event.name())
                    .put("ReadOnly", String.valueOf(event.readOnly()));
            Json.putText(item, "AccessKeyId", event.accessKeyId());
            Json.putTime(item, "EventTime", event.time());
            item.put("EventSource", event.source()).put("Username", CloudTrailRecord.username(event));
            ArrayNode resources = item.putArray("Resources");
            for (EventResource resource : event.resources()) {
                resources.addObject().put("ResourceType", resource.type()).put("ResourceName", resource.name());
            }
            item.put("CloudTrailEvent", CloudTrailRecord.json(event, call.accountId(), call.region()));
        }
        Json.putText(body, "NextToken", page.nextToken());
        return Json.response(200, body, Protocol.JSON_11);
    }

    /** Trails the call's region shows: those homed here, and multi-region trails homed in an enabled region. */
    private static List<Trail> visibleTrails(Call call) {
        List<String> enabled = call.context().estate().enabledRegions(call.accountId());
        return call.account().trails().stream()
                .filter(trail -> trail.visibleIn(call.region()) && enabled.contains(trail.homeRegion()))
                .toList();
    }

    /** A trail by ARN (any visible trail) or by name (only a trail homed in the call's region). */
    private static Trail trail(Call call, String nameOrArn) {
        for (Trail trail : visibleTrails(call)) {
            if (trail.arn(call.accountId()).equals(nameOrArn)
                    || trail.name().equals(nameOrArn) && trail.homeRegion().equals(call.region())) {
                return trail;
            }
        }
        throw new AwsError("TrailNotFoundException", 400,
                "Unknown trail: " + nameOrArn + " for the user: " + call.accountId());
    }

    private static Instant deliveryTime(Instant now) {
        return now.minus(Duration.ofMinutes(4));
    }

    private static String required(ObjectNode input, String field) {
        JsonNode value = input.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new AwsError("InvalidTrailNameException", 400, field + " is required.");
        }
        return value.asText();
    }
}
