package io.cloudward.sandbox.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudward.sandbox.estate.Finding;
import io.cloudward.sandbox.estate.FindingResource;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFindingCriteriaTest {

    private static final Finding OLD = finding("a", 2.0, "2025-01-01T00:00:00Z", false);
    private static final Finding NEW = finding("b", 8.0, "2025-03-01T00:00:00Z", false);
    private static final Finding ARCHIVED = finding("c", 5.0, "2025-03-02T00:00:00Z", true);

    @Test
    void updatedAtComparesEpochMillisecondsWithTheLongFields() {
        long cut = Instant.parse("2025-02-01T00:00:00Z").toEpochMilli();
        FindingCriteria criteria = parse("{\"criterion\":{\"updatedAt\":{\"greaterThanOrEqual\":" + cut + "},"
                + "\"service.archived\":{\"equals\":[\"false\"]}}}");
        assertEquals(List.of(NEW), matching(criteria));
    }

    @Test
    void theLegacyIntFieldCannotHoldATimestamp() {
        int truncated = (int) Instant.parse("2025-02-01T00:00:00Z").toEpochMilli();
        FindingCriteria criteria = parse("{\"criterion\":{\"updatedAt\":{\"gte\":" + truncated + "}}}");
        assertEquals(3, matching(criteria).size(), "an overflowed int filters nothing out");
    }

    @Test
    void severityTypeAndResourceFields() {
        assertEquals(List.of(NEW, ARCHIVED), matching(parse("{\"criterion\":{\"severity\":{\"gte\":4}}}")));
        assertEquals(List.of(OLD), matching(parse("{\"criterion\":{\"severity\":{\"eq\":[\"2\"]}}}")));
        assertEquals(List.of(NEW), matching(parse("{\"criterion\":{\"resource.instanceDetails.instanceId\":"
                + "{\"equals\":[\"i-b\"]}}}")));
        assertEquals(List.of(OLD, ARCHIVED), matching(parse("{\"criterion\":{\"type\":{\"notEquals\":[\"T-b\"]}}}")));
        assertTrue(FindingCriteria.sortBy("severity").compare(OLD, NEW) < 0);
    }

    @Test
    void unknownFieldsAndOperatorsAreBadRequests() {
        assertThrows(AwsError.class, () -> parse("{\"criterion\":{\"colour\":{\"eq\":[\"red\"]}}}"));
        assertThrows(AwsError.class, () -> parse("{\"criterion\":{\"type\":{\"gte\":3}}}"));
        assertThrows(AwsError.class, () -> parse("{\"criterion\":{\"type\":{\"matches\":[]}}}"));
    }

    private static List<Finding> matching(FindingCriteria criteria) {
        return List.of(OLD, NEW, ARCHIVED).stream().filter(criteria::matches).toList();
    }

    private static FindingCriteria parse(String json) {
        JsonNode node = Json.parse(json.getBytes());
        return FindingCriteria.parse(node, "111111111111", "eu-west-1");
    }

    private static Finding finding(String id, double severity, String updatedAt, boolean archived) {
        Instant time = Instant.parse(updatedAt);
        return new Finding(id, "T-" + id, severity, "t", "d", time, time, archived, 1,
                new FindingResource("Instance", "i-" + id, null, null, null), null);
    }
}
