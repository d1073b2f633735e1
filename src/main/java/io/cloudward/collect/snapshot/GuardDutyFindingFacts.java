package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.util.Map;

/**
 * One GuardDuty finding as GetFindings returns it. GuardDuty has already judged it, so it becomes a
 * Cloudward finding directly (no check): its id is stable across updates, {@code updatedAt} moves when
 * GuardDuty sees the activity again, and archiving it in GuardDuty resolves it in Cloudward.
 *
 * @param accountId    the account the finding is in
 * @param region       the region of the detector that reported it
 * @param id           GuardDuty's finding id (stable)
 * @param arn          the finding's ARN
 * @param type         e.g. {@code UnauthorizedAccess:EC2/SSHBruteForce}
 * @param severity     GuardDuty's score, 0.0–10.0 (see {@code Severity.fromGuardDutyScore})
 * @param title        GuardDuty's one-line title (AWS data: escape before display)
 * @param description  GuardDuty's description (AWS data: escape before display)
 * @param createdAt    when GuardDuty first reported it
 * @param updatedAt    when GuardDuty last updated it (the incremental watermark)
 * @param archived     service.archived
 * @param count        service.count: how many times the activity was seen
 * @param resourceType resource.resourceType, e.g. {@code Instance}, {@code AccessKey}, {@code S3Bucket}
 * @param resourceId   the affected resource's id (instance id, access key id, bucket name, …) or the
 *                     resource type when GuardDuty gives none
 * @param evidence     the rest of the finding (resource and service details) as plain JSON-able values
 */
public record GuardDutyFindingFacts(String accountId, String region, String id, String arn, String type,
                                    double severity, String title, String description, Instant createdAt,
                                    Instant updatedAt, boolean archived, int count, String resourceType,
                                    String resourceId, Map<String, Object> evidence) {

    public GuardDutyFindingFacts {
        Facts.text(accountId, "GuardDuty finding account");
        Facts.text(region, "GuardDuty finding region");
        Facts.text(id, "GuardDuty finding id");
        Facts.text(type, "GuardDuty finding type");
        Facts.text(resourceType, "GuardDuty finding resource type");
        Facts.text(resourceId, "GuardDuty finding resource id");
        Facts.present(createdAt, "GuardDuty finding createdAt");
        Facts.present(updatedAt, "GuardDuty finding updatedAt");
        if (severity < 0 || severity > 10) {
            throw new IllegalArgumentException("GuardDuty severity must be 0–10, got " + severity);
        }
        title = title == null ? type : title;
        description = description == null ? "" : description;
        evidence = Map.copyOf(Facts.present(evidence, "GuardDuty finding evidence"));
    }
}
