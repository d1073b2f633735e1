package io.cloudward.checks.config;

import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountConfigRecorders;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;
import io.cloudward.collect.snapshot.ConfigRecorderFacts.Recorder;
import io.cloudward.collect.snapshot.ConfigRuleCompliance;
import io.cloudward.collect.snapshot.ConfigRuleCompliance.ComplianceType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.INFO;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfigChecksTest {

    static Recorder recorder(boolean recording, boolean allSupported, boolean global, List<String> excluded) {
        return new Recorder("default", recording, Optional.of("Success"), Optional.empty(), allSupported, global,
                Optional.of(allSupported ? "ALL_SUPPORTED_RESOURCE_TYPES" : "INCLUSION_BY_RESOURCE_TYPES"), excluded);
    }

    static ConfigRecorderFacts healthy(String region) {
        return ConfigRecorderFacts.present(region, recorder(true, true, false, List.of()));
    }

    @Nested
    class Present {
        private final ConfigRecorderPresent check = new ConfigRecorderPresent();

        @Test
        void passesWithARecorder() {
            assertResult(check.evaluate(healthy("eu-west-1"), context()), PASS, "recorder default exists in eu-west-1");
        }

        @Test
        void failsWithoutRecorder() {
            CheckResult result = assertResult(check.evaluate(ConfigRecorderFacts.absent("eu-west-3"), context()), FAIL,
                    "no configuration recorder in eu-west-3", "Set up AWS Config in eu-west-3");
            assertEquals(ResourceRef.accountRegion(ACCOUNT, "eu-west-3"), result.resource());
        }
    }

    @Nested
    class Recording {
        private final ConfigRecorderRecording check = new ConfigRecorderRecording();

        @Test
        void passesWhenRecording() {
            assertResult(check.evaluate(healthy("eu-west-1"), context()), PASS, "is recording");
        }

        @Test
        void failsWhenStopped() {
            assertResult(check.evaluate(ConfigRecorderFacts.present("eu-west-1", recorder(false, true, false, List.of())),
                    context()), FAIL, "is stopped", "StopConfigurationRecorder");
        }

        @Test
        void failsWhenTheLastRecordingFailed() {
            Recorder failing = new Recorder("default", true, Optional.of("Failure"), Optional.of("AccessDeniedException"),
                    true, false, Optional.empty(), List.of());
            assertResult(check.evaluate(ConfigRecorderFacts.present("eu-west-1", failing), context()), FAIL,
                    "last recording failed with AccessDeniedException");
        }

        @Test
        void notApplicableWithoutRecorder() {
            assertResult(check.evaluate(ConfigRecorderFacts.absent("eu-west-1"), context()), NOT_APPLICABLE);
        }
    }

    @Nested
    class AllResourceTypes {
        private final ConfigRecordsAllResourceTypes check = new ConfigRecordsAllResourceTypes();

        @Test
        void passesWhenAllSupported() {
            assertResult(check.evaluate(healthy("eu-west-1"), context()), PASS, "all supported resource types");
        }

        @Test
        void failsWhenLimitedToSelectedTypes() {
            assertResult(check.evaluate(ConfigRecorderFacts.present("eu-west-1", recorder(true, false, false, List.of())),
                    context()), FAIL, "only selected resource types (INCLUSION_BY_RESOURCE_TYPES)");
        }

        @Test
        void failsNamingExcludedTypes() {
            assertResult(check.evaluate(ConfigRecorderFacts.present("eu-west-1",
                    recorder(true, true, false, List.of("AWS::EC2::Instance"))), context()), FAIL, "excludes AWS::EC2::Instance");
        }

        @Test
        void notApplicableWithoutRecorder() {
            assertResult(check.evaluate(ConfigRecorderFacts.absent("eu-west-1"), context()), NOT_APPLICABLE);
        }
    }

    @Nested
    class GlobalResourceTypes {
        private final ConfigRecordsGlobalResourceTypes check = new ConfigRecordsGlobalResourceTypes();

        @Test
        void passesWhenOneRecordingRegionIncludesThem() {
            assertResult(check.evaluate(new AccountConfigRecorders(List.of(healthy("eu-west-1"),
                    ConfigRecorderFacts.present("us-east-1", recorder(true, true, true, List.of())))), context()), PASS, "us-east-1");
        }

        @Test
        void failsWhenOnlyAStoppedRecorderIncludesThem() {
            assertResult(check.evaluate(new AccountConfigRecorders(List.of(healthy("eu-west-1"),
                    ConfigRecorderFacts.present("us-east-1", recorder(false, true, true, List.of())))), context()), FAIL,
                    "IAM users, roles and policies");
        }

        @Test
        void failsWithoutAnyRecorder() {
            assertResult(check.evaluate(new AccountConfigRecorders(List.of(ConfigRecorderFacts.absent("eu-west-1"))), context()), FAIL);
        }

        @Test
        void rejectsDuplicateRegions() {
            assertThrows(IllegalArgumentException.class,
                    () -> new AccountConfigRecorders(List.of(healthy("eu-west-1"), healthy("eu-west-1"))));
        }
    }

    @Nested
    class RuleCompliance {
        private final ConfigRuleCompliant check = new ConfigRuleCompliant();

        @Test
        void passesWhenCompliant() {
            CheckResult result = assertResult(check.evaluate(rule(ComplianceType.COMPLIANT, Optional.empty(), false), context()),
                    PASS, "s3-bucket-logging-enabled in eu-west-1");
            assertEquals("s3-bucket-logging-enabled", result.resource().id());
            assertEquals("eu-west-1", result.resource().region());
        }

        @Test
        void failsWithTheNonCompliantCount() {
            assertResult(check.evaluate(rule(ComplianceType.NON_COMPLIANT, Optional.of(3), false), context()), FAIL,
                    "reports 3 non-compliant resources");
            assertResult(check.evaluate(rule(ComplianceType.NON_COMPLIANT, Optional.of(1), false), context()), FAIL,
                    "reports 1 non-compliant resource.");
        }

        @Test
        void saysMoreThanWhenTheCountIsCapped() {
            assertResult(check.evaluate(rule(ComplianceType.NON_COMPLIANT, Optional.of(100), true), context()), FAIL,
                    "more than 100 non-compliant resources");
        }

        @Test
        void insufficientDataIsInformationOnly() {
            assertResult(check.evaluate(rule(ComplianceType.INSUFFICIENT_DATA, Optional.empty(), false), context()), INFO);
            assertResult(check.evaluate(rule(ComplianceType.NOT_APPLICABLE, Optional.empty(), false), context()), NOT_APPLICABLE);
        }

        @Test
        void parsesTheApiValue() {
            assertEquals(ComplianceType.NON_COMPLIANT, ComplianceType.fromApi("NON_COMPLIANT"));
            assertThrows(IllegalArgumentException.class, () -> ComplianceType.fromApi(""));
        }

        private static ConfigRuleCompliance rule(ComplianceType type, Optional<Integer> count, boolean capped) {
            return new ConfigRuleCompliance("eu-west-1", "s3-bucket-logging-enabled", type, count, capped);
        }
    }
}
