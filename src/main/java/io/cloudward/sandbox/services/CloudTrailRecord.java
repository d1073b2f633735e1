package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Ids;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.estate.TrailEvent;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.Timestamps;
import java.util.Locale;

/** The full CloudTrail record of an event, the JSON text LookupEvents returns in {@code CloudTrailEvent}. */
final class CloudTrailRecord {

    private CloudTrailRecord() {
    }

    static String json(TrailEvent event, String accountId, String region) {
        boolean login = event.name().equals("ConsoleLogin");
        ObjectNode record = Json.object().put("eventVersion", "1.08");
        record.set("userIdentity", identity(event, accountId));
        record.put("eventTime", Timestamps.isoSeconds(event.time()))
                .put("eventSource", event.source())
                .put("eventName", event.name())
                .put("awsRegion", region)
                .put("sourceIPAddress", event.sourceIp())
                .put("userAgent", event.userAgent());
        if (event.errorCode() != null) {
            record.put("errorCode", event.errorCode()).put("errorMessage", event.errorCode());
        }
        if (login) {
            record.putNull("requestParameters");
            record.putObject("responseElements").put("ConsoleLogin", event.errorCode() == null ? "Success" : "Failure");
            record.putObject("additionalEventData")
                    .put("LoginTo", "https://console.aws.amazon.com/console/home")
                    .put("MobileVersion", "No")
                    .put("MFAUsed", Boolean.TRUE.equals(event.mfaUsed()) ? "Yes" : "No");
        } else {
            record.set("requestParameters", Json.MAPPER.valueToTree(event.requestParameters()));
            record.putNull("responseElements");
        }
        record.put("requestID", Ids.uuid(event.id(), "request"))
                .put("eventID", event.id())
                .put("readOnly", event.readOnly())
                .put("eventType", login ? "AwsConsoleSignIn" : "AwsApiCall")
                .put("managementEvent", true)
                .put("recipientAccountId", accountId)
                .put("eventCategory", "Management");
        return Json.text(record);
    }

    /** The {@code Username} LookupEvents shows: the user name, {@code root}, or the role session name. */
    static String username(TrailEvent event) {
        if (event.userType().equals("AssumedRole")) {
            int slash = event.username().indexOf('/');
            return slash < 0 ? event.username() : event.username().substring(slash + 1);
        }
        return event.username();
    }

    private static ObjectNode identity(TrailEvent event, String accountId) {
        ObjectNode identity = Json.object().put("type", event.userType());
        switch (event.userType()) {
            case "Root" -> identity.put("principalId", accountId)
                    .put("arn", "arn:aws:iam::" + accountId + ":root")
                    .put("accountId", accountId);
            case "AssumedRole" -> {
                String[] parts = event.username().split("/", 2);
                String role = parts[0];
                String session = parts.length > 1 ? parts[1] : parts[0];
                String roleId = "AROA" + Rng.of(0, accountId, role).hex(17).toUpperCase(Locale.ROOT);
                identity.put("principalId", roleId + ":" + session)
                        .put("arn", "arn:aws:sts::" + accountId + ":assumed-role/" + role + "/" + session)
                        .put("accountId", accountId);
                ObjectNode context = identity.putObject("sessionContext");
                context.putObject("sessionIssuer").put("type", "Role").put("principalId", roleId)
                        .put("arn", "arn:aws:iam::" + accountId + ":role/" + role)
                        .put("accountId", accountId).put("userName", role);
                context.putObject("attributes").put("creationDate", Timestamps.isoSeconds(event.time()))
                        .put("mfaAuthenticated", "false");
            }
            default -> identity.put("principalId", FindingJson.userId(accountId, event.username()))
                    .put("arn", "arn:aws:iam::" + accountId + ":user/" + event.username())
                    .put("accountId", accountId)
                    .put("userName", event.username());
        }
        Json.putText(identity, "accessKeyId", event.accessKeyId());
        return identity;
    }
}
