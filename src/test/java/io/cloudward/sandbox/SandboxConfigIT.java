package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceByConfigRule;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.NoSuchConfigRuleException;
import software.amazon.awssdk.services.config.model.NoSuchConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.RecorderStatus;

class SandboxConfigIT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static ConfigClient client(String account, Region region) {
        return fixture.track(fixture.factory.create(ConfigClient.builder(), region, fixture.role(account)));
    }

    @Test
    void recordersAndTheirStatus() {
        ConfigClient wellRun = client(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        ConfigurationRecorder recorder = wellRun.describeConfigurationRecorders().configurationRecorders().get(0);
        assertEquals("default", recorder.name());
        assertTrue(recorder.recordingGroup().allSupported());
        assertTrue(recorder.recordingGroup().includeGlobalResourceTypes());
        assertTrue(wellRun.describeConfigurationRecorderStatus().configurationRecordersStatus().get(0).recording());

        ConfigClient blind = client(SandboxFixture.BLIND_SPOTS, Region.EU_WEST_1);
        ConfigurationRecorderStatus stopped = blind.describeConfigurationRecorderStatus(r -> r
                .configurationRecorderNames("default")).configurationRecordersStatus().get(0);
        assertFalse(stopped.recording());
        assertEquals(RecorderStatus.FAILURE, stopped.lastStatus());
        assertTrue(client(SandboxFixture.BLIND_SPOTS, Region.AP_SOUTHEAST_2).describeConfigurationRecorders()
                .configurationRecorders().isEmpty());
        assertThrows(NoSuchConfigurationRecorderException.class, () -> blind.describeConfigurationRecorders(r -> r
                .configurationRecorderNames("nope")));
    }

    @Test
    void complianceByRuleFiltersByComplianceType() {
        ConfigClient config = client(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        List<ComplianceByConfigRule> all = config.describeComplianceByConfigRulePaginator().complianceByConfigRules()
                .stream().toList();
        assertEquals(4, all.size());
        List<ComplianceByConfigRule> failing = config.describeComplianceByConfigRulePaginator(r -> r
                .complianceTypes(ComplianceType.NON_COMPLIANT)).complianceByConfigRules().stream().toList();
        assertEquals(3, failing.size());
        ComplianceByConfigRule ports = failing.stream().filter(rule -> rule.configRuleName()
                .equals("restricted-common-ports")).findFirst().orElseThrow();
        assertEquals(2, ports.compliance().complianceContributorCount().cappedCount());
        assertThrows(NoSuchConfigRuleException.class, () -> config.describeComplianceByConfigRule(r -> r
                .configRuleNames("no-such-rule")));
    }
}
