package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.ConfigRule;
import io.cloudward.sandbox.estate.ConfigSetup;
import io.cloudward.sandbox.estate.Recorder;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.Response;
import java.util.ArrayList;
import java.util.List;

/** AWS Config (JSON 1.1, target prefix {@code StarlingDoveService}): recorders and rule compliance. */
public final class ConfigService extends JsonService {

    private static final int RULE_PAGE = 25;

    public ConfigService() {
        super("StarlingDoveService");
        register(Operation.of("config", "DescribeConfigurationRecorders", Protocol.JSON, this::describeRecorders));
        register(Operation.of("config", "DescribeConfigurationRecorderStatus", Protocol.JSON,
                this::describeRecorderStatus));
        register(Operation.of("config", "DescribeComplianceByConfigRule", Protocol.JSON,
                this::describeComplianceByConfigRule));
    }

    @Override
    public String signingName() {
        return "config";
    }

    private Response describeRecorders(Call call) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("ConfigurationRecorders");
        for (Recorder recorder : recorders(call)) {
            ObjectNode item = list.addObject()
                    .put("arn", recorderArn(call, recorder))
                    .put("name", recorder.name())
                    .put("roleARN", "arn:aws:iam::" + call.accountId()
                            + ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
            ObjectNode group = item.putObject("recordingGroup")
                    .put("allSupported", recorder.allSupported())
                    .put("includeGlobalResourceTypes", recorder.includeGlobalResourceTypes());
            group.putArray("resourceTypes");
            group.putObject("exclusionByResourceTypes").putArray("resourceTypes");
            group.putObject("recordingStrategy").put("useOnly", recorder.allSupported()
                    ? "ALL_SUPPORTED_RESOURCE_TYPES" : "INCLUSION_BY_RESOURCE_TYPES");
            ObjectNode mode = item.putObject("recordingMode").put("recordingFrequency", "CONTINUOUS");
            mode.putArray("recordingModeOverrides");
            item.put("recordingScope", "PAID");
        }
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response describeRecorderStatus(Call call) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("ConfigurationRecordersStatus");
        for (Recorder recorder : recorders(call)) {
            ObjectNode item = list.addObject()
                    .put("arn", recorderArn(call, recorder))
                    .put("name", recorder.name());
            Json.putTime(item, "lastStartTime", recorder.lastStartTime());
            Json.putTime(item, "lastStopTime", recorder.lastStopTime());
            item.put("recording", recorder.recording()).put("lastStatus", recorder.lastStatus());
            Json.putTime(item, "lastStatusChangeTime", recorder.recording()
                    ? call.now().minusSeconds(1800) : recorder.lastStopTime());
        }
        return Json.response(200, body, Protocol.JSON_11);
    }

    private Response describeComplianceByConfigRule(Call call) {
        ObjectNode input = call.request().json();
        ConfigSetup config = call.regionView().spec().configOrEmpty();
        List<String> names = texts(input.path("ConfigRuleNames"));
        for (String name : names) {
            if (config.rules().stream().noneMatch(rule -> rule.name().equals(name))) {
                throw new AwsError("NoSuchConfigRuleException", 400,
                        "The ConfigRule '" + name + "' provided in the request is invalid. Please check the configRule name.");
            }
        }
        List<String> types = texts(input.path("ComplianceTypes"));
        List<ConfigRule> rules = config.rules().stream()
                .filter(rule -> names.isEmpty() || names.contains(rule.name()))
                .filter(rule -> types.isEmpty() || types.contains(rule.compliance()))
                .toList();
        String token = input.hasNonNull("NextToken") ? input.get("NextToken").asText() : null;
        PageToken.Page<ConfigRule> page = PageToken.page(rules, token, RULE_PAGE,
                call.accountId() + call.region() + names + types,
                () -> new AwsError("InvalidNextTokenException", 400, "The nextToken provided is invalid"));
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("ComplianceByConfigRules");
        for (ConfigRule rule : page.items()) {
            ObjectNode compliance = list.addObject().put("ConfigRuleName", rule.name())
                    .putObject("Compliance").put("ComplianceType", rule.compliance());
            if (rule.compliance().equals("NON_COMPLIANT")) {
                compliance.putObject("ComplianceContributorCount")
                        .put("CappedCount", Math.min(rule.nonCompliantResources(), 100))
                        .put("CapExceeded", rule.nonCompliantResources() > 100);
            }
        }
        Json.putText(body, "NextToken", page.nextToken());
        return Json.response(200, body, Protocol.JSON_11);
    }

    private static List<Recorder> recorders(Call call) {
        List<Recorder> recorders = call.regionView().spec().configOrEmpty().recorders();
        List<String> names = texts(call.request().json().path("ConfigurationRecorderNames"));
        for (String name : names) {
            if (recorders.stream().noneMatch(recorder -> recorder.name().equals(name))) {
                throw new AwsError("NoSuchConfigurationRecorderException", 400,
                        "Cannot find configuration recorder with the specified name '" + name + "'.");
            }
        }
        return recorders.stream().filter(recorder -> names.isEmpty() || names.contains(recorder.name())).toList();
    }

    private static String recorderArn(Call call, Recorder recorder) {
        return "arn:aws:config:" + call.region() + ":" + call.accountId() + ":configuration-recorder/"
                + recorder.name() + "/" + Rng.of(8, call.accountId(), call.region()).hex(16);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
