package io.cloudward.collect.config;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;
import io.cloudward.collect.snapshot.ConfigRuleCompliance;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceContributorCount;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DescribeComplianceByConfigRuleResponse;
import software.amazon.awssdk.services.config.model.RecordingGroup;

/** The region's customer-managed Config recorder with its status, and every Config rule's compliance. */
public final class ConfigCollector extends AwsSourceCollector {

    @Override
    public Source source() {
        return Source.CONFIG;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        ConfigClient config = run.clients().config(run.sdkRegion());
        // Service-linked recorders (servicePrincipal set) belong to other AWS services, not to the customer.
        Optional<ConfigurationRecorder> recorder = run.call("config:DescribeConfigurationRecorders",
                () -> config.describeConfigurationRecorders().configurationRecorders()).stream()
                .filter(candidate -> candidate.servicePrincipal() == null).findFirst();
        if (recorder.isEmpty()) {
            sink.snapshot(ConfigRecorderFacts.absent(run.region()));
        } else {
            String name = recorder.get().name();
            Optional<ConfigurationRecorderStatus> status = run.call("config:DescribeConfigurationRecorderStatus",
                    () -> config.describeConfigurationRecorderStatus(request -> request.configurationRecorderNames(name)))
                    .configurationRecordersStatus().stream().findFirst();
            sink.snapshot(ConfigRecorderFacts.present(run.region(), recorder(recorder.get(), status)));
        }
        run.seen(1);
        String token = null;
        do {
            String pageToken = token;
            DescribeComplianceByConfigRuleResponse page = run.call("config:DescribeComplianceByConfigRule",
                    () -> config.describeComplianceByConfigRule(request -> request.nextToken(pageToken)));
            for (ComplianceByConfigRule rule : page.complianceByConfigRules()) {
                sink.snapshot(compliance(run.region(), rule));
            }
            run.seen(page.complianceByConfigRules().size());
            token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (token != null);
    }

    static ConfigRecorderFacts.Recorder recorder(ConfigurationRecorder recorder, Optional<ConfigurationRecorderStatus> status) {
        RecordingGroup group = recorder.recordingGroup();
        boolean allSupported = group == null || !Boolean.FALSE.equals(group.allSupported());
        boolean global = group != null && Boolean.TRUE.equals(group.includeGlobalResourceTypes());
        Optional<String> strategy = Optional.ofNullable(group).map(RecordingGroup::recordingStrategy)
                .map(s -> s.useOnlyAsString());
        List<String> excluded = group == null || group.exclusionByResourceTypes() == null ? List.of()
                : group.exclusionByResourceTypes().resourceTypesAsStrings();
        return new ConfigRecorderFacts.Recorder(recorder.name(), status.map(s -> Boolean.TRUE.equals(s.recording())).orElse(false),
                status.map(ConfigurationRecorderStatus::lastStatusAsString), status.map(ConfigurationRecorderStatus::lastErrorCode),
                allSupported, global, strategy, excluded);
    }

    static ConfigRuleCompliance compliance(String region, ComplianceByConfigRule rule) {
        var compliance = rule.compliance();
        String type = compliance == null || compliance.complianceType() == null ? "INSUFFICIENT_DATA"
                : compliance.complianceTypeAsString();
        ComplianceContributorCount count = compliance == null ? null : compliance.complianceContributorCount();
        return new ConfigRuleCompliance(region, rule.configRuleName(), ConfigRuleCompliance.ComplianceType.fromApi(type),
                Optional.ofNullable(count).map(ComplianceContributorCount::cappedCount),
                count != null && Boolean.TRUE.equals(count.capExceeded()));
    }
}
