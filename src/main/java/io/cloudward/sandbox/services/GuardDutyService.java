package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Finding;
import io.cloudward.sandbox.estate.GuardDuty;
import io.cloudward.sandbox.estate.RegionView;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.StandardErrors;
import io.cloudward.sandbox.protocol.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GuardDuty (REST-JSON): the region's detector, and its findings listed by criteria (at most 50 a page)
 * and fetched by id (at most 50 at a time).
 */
public final class GuardDutyService implements AwsService {

    private static final int MAX_PAGE = 50;

    private final Operation listDetectors = Operation.of("guardduty", "ListDetectors", Protocol.REST_JSON,
            this::listDetectors);
    private final Operation getDetector = Operation.of("guardduty", "GetDetector", Protocol.REST_JSON,
            this::getDetector).on(GuardDutyService::detectorArn);
    private final Operation listFindings = Operation.of("guardduty", "ListFindings", Protocol.REST_JSON,
            this::listFindings).on(GuardDutyService::detectorArn);
    private final Operation getFindings = Operation.of("guardduty", "GetFindings", Protocol.REST_JSON,
            this::getFindings).on(GuardDutyService::detectorArn);

    @Override
    public String signingName() {
        return "guardduty";
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return Protocol.REST_JSON;
    }

    @Override
    public Operation resolve(AwsRequest request) {
        String[] segments = segments(request.path());
        String method = request.method();
        if (segments.length >= 1 && segments[0].equals("detector")) {
            if (segments.length == 1 && method.equals("GET")) {
                return listDetectors;
            }
            if (segments.length == 2 && method.equals("GET")) {
                return getDetector;
            }
            if (segments.length == 3 && segments[2].equals("findings") && method.equals("POST")) {
                return listFindings;
            }
            if (segments.length == 4 && segments[2].equals("findings") && segments[3].equals("get")
                    && method.equals("POST")) {
                return getFindings;
            }
        }
        throw StandardErrors.unknownOperation(Protocol.REST_JSON, method + " " + request.path());
    }

    private Response listDetectors(Call call) {
        GuardDuty guardDuty = call.regionView().spec().guardduty();
        Integer max = call.request().query().integer("maxResults", "BadRequestException");
        if (max != null && (max < 1 || max > MAX_PAGE)) {
            throw FindingCriteria.invalid();
        }
        List<String> ids = guardDuty == null ? List.of() : List.of(guardDuty.detectorId());
        PageToken.Page<String> page = PageToken.page(ids, call.request().query().get("nextToken"),
                max == null ? MAX_PAGE : max, call.accountId() + call.region(), FindingCriteria::invalid);
        ObjectNode body = Json.object();
        ArrayNode detectorIds = body.putArray("detectorIds");
        page.items().forEach(detectorIds::add);
        Json.putText(body, "nextToken", page.nextToken());
        return Json.response(200, body, "application/json");
    }

    private Response getDetector(Call call) {
        RegionView view = call.regionView();
        GuardDuty guardDuty = detector(call, view);
        ObjectNode body = Json.object()
                .put("createdAt", Timestamps.iso(guardDuty.created()))
                .put("findingPublishingFrequency", guardDuty.findingPublishingFrequency())
                .put("serviceRole", "arn:aws:iam::" + call.accountId()
                        + ":role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")
                .put("status", guardDuty.status())
                .put("updatedAt", Timestamps.iso(guardDuty.created()));
        ObjectNode sources = body.putObject("dataSources");
        sources.putObject("cloudTrail").put("status", guardDuty.featureStatus("CLOUD_TRAIL"));
        sources.putObject("dnsLogs").put("status", guardDuty.featureStatus("DNS_LOGS"));
        sources.putObject("flowLogs").put("status", guardDuty.featureStatus("FLOW_LOGS"));
        sources.putObject("s3Logs").put("status", guardDuty.featureStatus("S3_DATA_EVENTS"));
        sources.putObject("kubernetes").putObject("auditLogs").put("status", guardDuty.featureStatus("EKS_AUDIT_LOGS"));
        sources.putObject("malwareProtection").putObject("scanEc2InstanceWithFindings").putObject("ebsVolumes")
                .put("status", guardDuty.featureStatus("EBS_MALWARE_PROTECTION"));
        ArrayNode features = body.putArray("features");
        for (String feature : GuardDuty.FEATURE_NAMES) {
            ObjectNode entry = features.addObject().put("name", feature).put("status", guardDuty.featureStatus(feature));
            Json.putTime(entry, "updatedAt", guardDuty.created());
        }
        body.putObject("tags");
        return Json.response(200, body, "application/json");
    }

    private Response listFindings(Call call) {
        RegionView view = call.regionView();
        GuardDuty guardDuty = detector(call, view);
        ObjectNode input = call.request().json();
        FindingCriteria criteria = FindingCriteria.parse(input.get("findingCriteria"), call.accountId(), call.region());
        int max = input.path("maxResults").asInt(MAX_PAGE);
        if (max < 1 || max > MAX_PAGE) {
            throw FindingCriteria.invalid();
        }
        List<Finding> matching = new ArrayList<>(view.findings().stream().filter(criteria::matches).toList());
        matching.sort(order(input.get("sortCriteria")));
        String fingerprint = guardDuty.detectorId() + Json.text(input.path("findingCriteria"))
                + Json.text(input.path("sortCriteria"));
        PageToken.Page<Finding> page = PageToken.page(matching, text(input, "nextToken"), max, fingerprint,
                FindingCriteria::invalid);
        ObjectNode body = Json.object();
        ArrayNode ids = body.putArray("findingIds");
        page.items().forEach(finding -> ids.add(finding.id()));
        Json.putText(body, "nextToken", page.nextToken());
        return Json.response(200, body, "application/json");
    }

    private Response getFindings(Call call) {
        RegionView view = call.regionView();
        GuardDuty guardDuty = detector(call, view);
        ObjectNode input = call.request().json();
        JsonNode wanted = input.get("findingIds");
        if (wanted == null || !wanted.isArray() || wanted.size() > MAX_PAGE) {
            throw FindingCriteria.invalid();
        }
        Set<String> ids = new HashSet<>();
        wanted.forEach(id -> ids.add(id.asText()));
        List<Finding> found = new ArrayList<>(view.findings().stream().filter(f -> ids.contains(f.id())).toList());
        found.sort(order(input.get("sortCriteria")));
        ObjectNode body = Json.object();
        ArrayNode findings = body.putArray("findings");
        found.forEach(finding -> findings.add(FindingJson.write(finding, view, guardDuty.detectorId())));
        return Json.response(200, body, "application/json");
    }

    private static GuardDuty detector(Call call, RegionView view) {
        String[] segments = segments(call.request().path());
        GuardDuty guardDuty = view.spec().guardduty();
        if (guardDuty == null || !guardDuty.detectorId().equals(segments[1])) {
            throw new AwsError("BadRequestException", 400,
                    "The request is rejected because the input detectorId is not owned by the current account.");
        }
        return guardDuty;
    }

    private static Comparator<Finding> order(JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return Comparator.comparing(Finding::createdAt).thenComparing(Finding::id);
        }
        Comparator<Finding> comparator = FindingCriteria.sortBy(sort.path("attributeName").asText())
                .thenComparing(Finding::id);
        return "DESC".equals(sort.path("orderBy").asText("ASC")) ? comparator.reversed() : comparator;
    }

    private static String text(JsonNode input, String field) {
        JsonNode node = input.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String detectorArn(Call call) {
        String[] segments = segments(call.request().path());
        return "arn:aws:guardduty:" + call.region() + ":" + call.accountId() + ":detector/"
                + (segments.length > 1 ? segments[1] : "*");
    }

    /** The non-empty segments of a REST path: {@code /detector/abc/findings} → detector, abc, findings. */
    static String[] segments(String path) {
        List<String> segments = new ArrayList<>(5);
        int start = 0;
        for (int i = 0; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                if (i > start) {
                    segments.add(path.substring(start, i));
                }
                start = i + 1;
            }
        }
        return segments.toArray(String[]::new);
    }
}
