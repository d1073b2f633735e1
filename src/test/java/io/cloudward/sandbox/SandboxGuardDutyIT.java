package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.sandbox.estate.GeneratedEstate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.DetectorFeatureConfigurationResult;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.FindingCriteria;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;
import software.amazon.awssdk.services.guardduty.model.OrderBy;
import software.amazon.awssdk.services.guardduty.model.SortCriteria;

class SandboxGuardDutyIT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture(SandboxSettings.defaults().withPort(0)
                .withGenerated(new GeneratedEstate(3, List.of("eu-west-1", "us-east-1"), 7)));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static GuardDutyClient client(String accountId, Region region) {
        return fixture.track(fixture.factory.create(GuardDutyClient.builder(), region, fixture.role(accountId)));
    }

    @Test
    void detectorsFollowTheEstateRegionByRegion() {
        GuardDutyClient mainRegion = client(SandboxFixture.CODESPACES, Region.EU_WEST_1);
        assertTrue(mainRegion.listDetectors().detectorIds().isEmpty(), "DeleteDetector left no detector in eu-west-1");
        GuardDutyClient usEast = client(SandboxFixture.CODESPACES, Region.US_EAST_1);
        List<String> ids = usEast.listDetectorsPaginator().detectorIds().stream().toList();
        assertEquals(1, ids.size());
        GetDetectorResponse detector = usEast.getDetector(r -> r.detectorId(ids.get(0)));
        assertEquals(DetectorStatus.ENABLED, detector.status());
        assertTrue(detector.features().stream().map(DetectorFeatureConfigurationResult::nameAsString).toList()
                .contains("CLOUD_TRAIL"));
        GuardDutyClient suspended = client(SandboxFixture.BLIND_SPOTS, Region.AP_NORTHEAST_3);
        String suspendedId = suspended.listDetectors().detectorIds().get(0);
        assertEquals(DetectorStatus.DISABLED, suspended.getDetector(r -> r.detectorId(suspendedId)).status());
    }

    @Test
    void findingsComeWithTheirFullDetailsAndMarkupStaysText() {
        GuardDutyClient guardDuty = client(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        String detectorId = guardDuty.listDetectors().detectorIds().get(0);
        List<String> ids = guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId)).findingIds().stream().toList();
        assertTrue(ids.size() >= 3);
        List<Finding> findings = guardDuty.getFindings(r -> r.detectorId(detectorId).findingIds(ids)).findings();
        Map<String, Finding> byType = findings.stream().collect(Collectors.toMap(Finding::type, f -> f, (a, b) -> a));
        Finding miner = byType.get("CryptoCurrency:EC2/BitcoinTool.B!DNS");
        assertEquals(8.0, miner.severity());
        assertEquals("222222222222", miner.accountId());
        assertEquals("us-east-1", miner.region());
        assertEquals("arn:aws:guardduty:us-east-1:222222222222:detector/" + detectorId + "/finding/" + miner.id(),
                miner.arn());
        assertEquals("Instance", miner.resource().resourceType());
        assertEquals("i-0e4b05ed0b0000002", miner.resource().instanceDetails().instanceId());
        assertEquals(41, miner.service().count());
        assertFalse(miner.service().archived());
        assertEquals("DNS_REQUEST", miner.service().action().actionType());
        assertEquals("pool.minergate.com", miner.service().action().dnsRequestAction().domain());
        assertNotNull(miner.service().eventFirstSeen());
        Finding backdoor = byType.get("Backdoor:EC2/C&CActivity.B!DNS");
        assertTrue(backdoor.description().contains("<script>alert(1)</script>"));
        assertEquals("<script>alert(1)</script>", backdoor.resource().instanceDetails().tags().get(0).value());
        assertEquals("3.91.22.19", backdoor.resource().instanceDetails().networkInterfaces().get(0).publicIp());
    }

    @Test
    void criteriaFilterOnUpdatedAtArchivedAndSeverity() {
        GuardDutyClient guardDuty = client(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        String detectorId = guardDuty.listDetectors().detectorIds().get(0);
        long oneHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        List<String> recent = guardDuty.listFindings(r -> r.detectorId(detectorId).findingCriteria(criteria(Map.of(
                "updatedAt", Condition.builder().greaterThanOrEqual(oneHourAgo).build(),
                "service.archived", Condition.builder().equalsValue("false").build())))).findingIds();
        assertEquals(1, recent.size(), "only the miner was updated within the hour");
        List<String> high = guardDuty.listFindings(r -> r.detectorId(detectorId).findingCriteria(criteria(Map.of(
                "severity", Condition.builder().greaterThanOrEqual(7L).build())))).findingIds();
        assertEquals(2, high.size());
        BadRequestException unknownField = assertThrows(BadRequestException.class, () -> guardDuty.listFindings(r -> r
                .detectorId(detectorId).findingCriteria(criteria(Map.of(
                        "no.such.field", Condition.builder().equalsValue("x").build())))));
        assertEquals(400, unknownField.statusCode());
    }

    @Test
    void pagesAreAtMostFiftyAndSortedAsAsked() {
        GuardDutyClient guardDuty = client(fixture.sandbox.estate().generator().orElseThrow().accountId(0), Region.EU_WEST_1);
        List<String> detectors = guardDuty.listDetectors().detectorIds();
        if (detectors.isEmpty()) {
            return;
        }
        String detectorId = detectors.get(0);
        List<String> all = new ArrayList<>();
        guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId).maxResults(2)
                        .sortCriteria(SortCriteria.builder().attributeName("updatedAt").orderBy(OrderBy.DESC).build()))
                .forEach(page -> {
                    assertTrue(page.findingIds().size() <= 2);
                    all.addAll(page.findingIds());
                });
        assertEquals(all.size(), all.stream().distinct().count());
        List<String> sortedIds = all.subList(0, Math.min(50, all.size()));
        if (!sortedIds.isEmpty()) {
            List<Finding> details = guardDuty.getFindings(r -> r.detectorId(detectorId).findingIds(sortedIds)
                    .sortCriteria(SortCriteria.builder().attributeName("updatedAt").orderBy(OrderBy.DESC).build()))
                    .findings();
            assertEquals(sortedIds, details.stream().map(Finding::id).toList());
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(String.format("%032x", i));
        }
        assertThrows(BadRequestException.class, () -> guardDuty.getFindings(r -> r.detectorId(detectorId)
                .findingIds(tooMany)));
        assertThrows(BadRequestException.class, () -> guardDuty.listFindings(r -> r.detectorId(detectorId)
                .maxResults(51)));
    }

    private static FindingCriteria criteria(Map<String, Condition> conditions) {
        return FindingCriteria.builder().criterion(conditions).build();
    }
}
