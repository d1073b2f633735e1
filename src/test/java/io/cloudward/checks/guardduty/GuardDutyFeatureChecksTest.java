package io.cloudward.checks.guardduty;

import io.cloudward.checks.Check;
import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.DetectorFacts;
import io.cloudward.collect.snapshot.DetectorFacts.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuardDutyFeatureChecksTest {

    static Stream<Arguments> features() {
        return Stream.of(
                Arguments.of(new GuardDutyS3ProtectionEnabled(), "S3_DATA_EVENTS", "S3 Protection"),
                Arguments.of(new GuardDutyEksAuditLogsEnabled(), "EKS_AUDIT_LOGS", "EKS Audit Log Monitoring"),
                Arguments.of(new GuardDutyRuntimeMonitoringEnabled(), "RUNTIME_MONITORING", "Runtime Monitoring"),
                Arguments.of(new GuardDutyMalwareProtectionEnabled(), "EBS_MALWARE_PROTECTION", "Malware Protection for EC2"),
                Arguments.of(new GuardDutyRdsProtectionEnabled(), "RDS_LOGIN_EVENTS", "RDS Protection"),
                Arguments.of(new GuardDutyLambdaProtectionEnabled(), "LAMBDA_NETWORK_LOGS", "Lambda Protection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void passesWhenTheFeatureIsEnabled(Check<DetectorFacts> check, String feature, String label) {
        CheckResult result = assertResult(check.evaluate(Detectors.enabled("eu-west-1", Feature.of(feature, true),
                Feature.of("CLOUD_TRAIL", true)), context()), PASS, label + " is enabled", "d-eu-west-1");
        assertEquals(feature, result.evidence().get("feature"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void failsWhenTheFeatureIsDisabled(Check<DetectorFacts> check, String feature, String label) {
        assertResult(check.evaluate(Detectors.enabled("eu-west-1", Feature.of(feature, false)), context()), FAIL,
                label + " is off on detector d-eu-west-1 in eu-west-1", "Turn on " + label);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void notApplicableWhereTheRegionDoesNotOfferIt(Check<DetectorFacts> check, String feature, String label) {
        assertResult(check.evaluate(Detectors.enabled("ap-southeast-5", Feature.of("CLOUD_TRAIL", true)), context()),
                NOT_APPLICABLE, "does not offer " + label + " in ap-southeast-5");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void notApplicableWithoutDetector(Check<DetectorFacts> check, String feature, String label) {
        assertResult(check.evaluate(DetectorFacts.absent("eu-west-3"), context()), NOT_APPLICABLE, "not enabled in eu-west-3");
    }

    @Test
    void runtimeMonitoringAcceptsTheOlderEksRuntimeFeature() {
        var detector = Detectors.enabled("eu-west-1", Feature.of("RUNTIME_MONITORING", false),
                new Feature("EKS_RUNTIME_MONITORING", true, Map.of("EKS_ADDON_MANAGEMENT", true)));
        CheckResult result = assertResult(new GuardDutyRuntimeMonitoringEnabled().evaluate(detector, context()), PASS);
        assertEquals("EKS_RUNTIME_MONITORING", result.evidence().get("feature"));
    }
}
