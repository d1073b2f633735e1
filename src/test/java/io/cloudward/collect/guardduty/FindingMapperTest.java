package io.cloudward.collect.guardduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.model.AccessKeyDetails;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.InstanceDetails;
import software.amazon.awssdk.services.guardduty.model.NetworkInterface;
import software.amazon.awssdk.services.guardduty.model.Resource;
import software.amazon.awssdk.services.guardduty.model.S3BucketDetail;
import software.amazon.awssdk.services.guardduty.model.Service;

class FindingMapperTest {

    @Test
    void resourceIdFollowsTheResourceType() {
        assertEquals(Optional.of("i-1"), FindingMapper.resourceId(Resource.builder().resourceType("Instance")
                .instanceDetails(InstanceDetails.builder().instanceId("i-1").build()).build()));
        assertEquals(Optional.of("AKIA1"), FindingMapper.resourceId(Resource.builder().resourceType("AccessKey")
                .accessKeyDetails(AccessKeyDetails.builder().accessKeyId("AKIA1").build()).build()));
        assertEquals(Optional.of("bucket"), FindingMapper.resourceId(Resource.builder().resourceType("S3Bucket")
                .s3BucketDetails(S3BucketDetail.builder().name("bucket").build()).build()));
        assertEquals(Optional.empty(), FindingMapper.resourceId(Resource.builder().resourceType("Container").build()));
    }

    @Test
    void aFindingKeepsItsTimesArchivalCountAndEvidenceUnderWireNames() {
        Finding finding = Finding.builder().accountId("222222222222").region("us-east-1").id("f1")
                .arn("arn:aws:guardduty:us-east-1:222222222222:detector/d/finding/f1")
                .type("CryptoCurrency:EC2/BitcoinTool.B!DNS").severity(8.0).title("Miner").description("d")
                .createdAt("2026-01-01T00:00:00.000Z").updatedAt("2026-01-02T03:04:05.678Z")
                .resource(Resource.builder().resourceType("Instance").instanceDetails(InstanceDetails.builder()
                        .instanceId("i-2").networkInterfaces(NetworkInterface.builder().publicIp("3.91.22.18").build())
                        .build()).build())
                .service(Service.builder().archived(true).count(41).build()).build();
        GuardDutyFindingFacts facts = FindingMapper.facts(finding);
        assertEquals(Instant.parse("2026-01-02T03:04:05.678Z"), facts.updatedAt());
        assertTrue(facts.archived());
        assertEquals(41, facts.count());
        assertEquals("i-2", facts.resourceId());
        Map<?, ?> resource = (Map<?, ?>) facts.evidence().get("resource");
        Map<?, ?> instance = (Map<?, ?>) resource.get("instanceDetails");
        assertEquals("3.91.22.18", ((Map<?, ?>) ((List<?>) instance.get("networkInterfaces")).getFirst()).get("publicIp"));
    }
}
