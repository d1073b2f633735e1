package io.cloudward.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OcsfDetectionFindingTest {

    @Test
    void mapsAFindingEventToDetectionFinding() throws Exception {
        ObjectNode envelope = (ObjectNode) new ObjectMapper().readTree("""
                {"eventId":"6f1c1b7e-2f6b-4c77-9a51-0d5e0e0f0a01","type":"finding.resolved","version":1,
                 "tenantId":"0b8f4c4e-9c39-4d1e-8f0b-2f7c6d9a1b22","accountId":"111122223333","region":"eu-west-1",
                 "occurredAt":"2026-11-23T08:00:00Z",
                 "data":{"findingId":"3e0b7c1a-1111-4a2b-9c3d-5e6f7a8b9c0d","fingerprint":"ab12","origin":"CHECK","source":"exposure",
                         "checkId":"SecurityGroupOpenSsh","category":"exposure","severity":"HIGH","title":"SSH open to the internet",
                         "status":"RESOLVED","resourceType":"AwsEc2SecurityGroup","resourceId":"sg-1","reopenedCount":0,
                         "incidentId":null,"actor":"cloudward","changes":{}}}""");
        ObjectNode o = OcsfDetectionFinding.map(envelope);
        assertEquals(2004, o.get("class_uid").asInt());
        assertEquals(2, o.get("category_uid").asInt());
        assertEquals(3, o.get("activity_id").asInt(), "resolved closes");
        assertEquals(200403, o.get("type_uid").asLong());
        assertEquals(4, o.get("severity_id").asInt());
        assertEquals(4, o.get("status_id").asInt());
        assertEquals(1795420800000L, o.get("time").asLong());
        assertEquals("ab12", o.at("/finding_info/uid").asText());
        assertEquals("SSH open to the internet", o.at("/finding_info/title").asText());
        assertEquals("Cloudward", o.at("/metadata/product/vendor_name").asText());
        assertEquals("1.3.0", o.at("/metadata/version").asText());
        assertEquals("111122223333", o.at("/cloud/account/uid").asText());
        assertEquals("AWS", o.at("/cloud/provider").asText());
        assertEquals("sg-1", o.at("/resources/0/uid").asText());
        envelope.put("type", "finding.created");
        assertEquals(200401, OcsfDetectionFinding.map(envelope).get("type_uid").asLong());
        envelope.put("type", "score.changed");
        assertThrows(IllegalArgumentException.class, () -> OcsfDetectionFinding.map(envelope));
    }
}
