package io.cloudward.findings;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;

import java.time.Instant;
import java.util.Map;

/**
 * One thing a collection run saw about one finding, normalised from a check result, a GuardDuty finding or
 * a CloudTrail event (see {@link Observations}).
 *
 * @param failing     true when the problem is present (FAIL, an active GuardDuty finding, an event); false
 *                    when it is gone (PASS, NOT_APPLICABLE, INFO, an archived GuardDuty finding)
 * @param occurrences how often it was seen (GuardDuty's count; 1 otherwise)
 * @param occurredAt  when it happened, for findings that are events; null for check results
 */
public record Observation(Origin origin, String fingerprint, String checkId, Category category, Severity severity,
                          String title, String description, String resourceType, String resourceId, String accountId,
                          String region, Map<String, Object> evidence, int occurrences, Instant occurredAt,
                          boolean failing) {
}
