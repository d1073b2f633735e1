package io.cloudward.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * Maps a finding event ({@code finding.*} on {@link Topics#FINDINGS}) to an OCSF 1.3 Detection Finding
 * (class_uid 2004, category 2 Findings), for tenants that export the stream into a SIEM or security
 * lake. Pure: the envelope in, the OCSF object out.
 */
public final class OcsfDetectionFinding {
    public static final int CLASS_UID = 2004;
    public static final int CATEGORY_UID = 2;
    public static final String OCSF_VERSION = "1.3.0";

    private OcsfDetectionFinding() {
    }

    public static ObjectNode map(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        String type = envelope.path("type").asText();
        if (!type.startsWith("finding.")) {
            throw new IllegalArgumentException("not a finding event: " + type);
        }
        int activity = activity(type);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("class_uid", CLASS_UID);
        o.put("class_name", "Detection Finding");
        o.put("category_uid", CATEGORY_UID);
        o.put("category_name", "Findings");
        o.put("activity_id", activity);
        o.put("activity_name", switch (activity) {
            case 1 -> "Create";
            case 3 -> "Close";
            default -> "Update";
        });
        o.put("type_uid", CLASS_UID * 100L + activity);
        int severity = severityId(data.path("severity").asText(null));
        o.put("severity_id", severity);
        o.put("severity", severityName(severity));
        int status = statusId(data.path("status").asText(null));
        o.put("status_id", status);
        o.put("status", statusName(status));
        o.put("time", Instant.parse(envelope.path("occurredAt").asText()).toEpochMilli());
        o.put("message", data.path("title").asText(""));

        ObjectNode metadata = o.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        metadata.put("uid", envelope.path("eventId").asText());
        metadata.put("tenant_uid", envelope.path("tenantId").asText());
        metadata.putObject("product").put("name", "Cloudward").put("vendor_name", "Cloudward");
        metadata.put("event_code", type);

        ObjectNode info = o.putObject("finding_info");
        info.put("uid", data.path("fingerprint").asText());
        info.put("title", data.path("title").asText(""));
        putIfText(info, "product_uid", data, "checkId");
        info.putArray("types").add(data.path("checkId").asText(""));
        if (data.hasNonNull("category")) {
            info.putArray("analytic_categories").add(data.get("category").asText());
        }

        ObjectNode cloud = o.putObject("cloud");
        cloud.put("provider", "AWS");
        putIfText(cloud, "region", envelope, "region");
        if (envelope.hasNonNull("accountId")) {
            cloud.putObject("account").put("uid", envelope.get("accountId").asText()).put("type", "AWS Account").put("type_id", 10);
        }

        if (data.hasNonNull("resourceId")) {
            ObjectNode resource = o.putArray("resources").addObject();
            resource.put("uid", data.get("resourceId").asText());
            putIfText(resource, "type", data, "resourceType");
            putIfText(resource, "region", envelope, "region");
            resource.putObject("cloud_partition").put("name", "aws");
        }
        ObjectNode unmapped = o.putObject("unmapped");
        putIfText(unmapped, "cloudward_finding_id", data, "findingId");
        putIfText(unmapped, "cloudward_origin", data, "origin");
        putIfText(unmapped, "cloudward_source", data, "source");
        putIfText(unmapped, "cloudward_incident_id", data, "incidentId");
        return o;
    }

    /** created and reopened open a finding (1 Create); resolved and suppressed close it (3 Close); else 2 Update. */
    static int activity(String type) {
        return switch (type) {
            case "finding.created", "finding.reopened" -> 1;
            case "finding.resolved", "finding.suppressed" -> 3;
            default -> 2;
        };
    }

    static int severityId(String severity) {
        if (severity == null) {
            return 0;
        }
        return switch (severity) {
            case "INFORMATIONAL" -> 1;
            case "LOW" -> 2;
            case "MEDIUM" -> 3;
            case "HIGH" -> 4;
            case "CRITICAL" -> 5;
            default -> 99;
        };
    }

    private static String severityName(int id) {
        return switch (id) {
            case 0 -> "Unknown";
            case 1 -> "Informational";
            case 2 -> "Low";
            case 3 -> "Medium";
            case 4 -> "High";
            case 5 -> "Critical";
            default -> "Other";
        };
    }

    /** OCSF finding status: 1 New, 2 In Progress, 3 Suppressed, 4 Resolved. */
    static int statusId(String status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case "OPEN" -> 1;
            case "ACKNOWLEDGED", "IN_PROGRESS" -> 2;
            case "SUPPRESSED" -> 3;
            case "RESOLVED" -> 4;
            default -> 99;
        };
    }

    private static String statusName(int id) {
        return switch (id) {
            case 0 -> "Unknown";
            case 1 -> "New";
            case 2 -> "In Progress";
            case 3 -> "Suppressed";
            case 4 -> "Resolved";
            default -> "Other";
        };
    }

    private static void putIfText(ObjectNode target, String name, JsonNode source, String field) {
        if (source.hasNonNull(field)) {
            target.put(name, source.get(field).asText());
        }
    }
}
