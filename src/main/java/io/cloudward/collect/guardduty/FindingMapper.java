package io.cloudward.collect.guardduty;

import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.Resource;

/** GetFindings' Finding to {@link GuardDutyFindingFacts}. */
final class FindingMapper {

    private FindingMapper() {
    }

    static GuardDutyFindingFacts facts(Finding finding) {
        Resource resource = finding.resource();
        String resourceType = resource == null || resource.resourceType() == null ? "Unknown" : resource.resourceType();
        Map<String, Object> evidence = new LinkedHashMap<>();
        Optional.ofNullable(resource).ifPresent(r -> evidence.put("resource", SdkValues.plain(r)));
        Optional.ofNullable(finding.service()).ifPresent(s -> evidence.put("service", SdkValues.plain(s)));
        boolean archived = finding.service() != null && Boolean.TRUE.equals(finding.service().archived());
        int count = finding.service() == null || finding.service().count() == null ? 1 : finding.service().count();
        return new GuardDutyFindingFacts(finding.accountId(), finding.region(), finding.id(), finding.arn(),
                finding.type(), finding.severity(), finding.title(), finding.description(),
                Instant.parse(finding.createdAt()), Instant.parse(finding.updatedAt()), archived, count, resourceType,
                resourceId(resource).orElse(resourceType), evidence);
    }

    /** The id a person knows the affected resource by, for the resource types GuardDuty reports. */
    static Optional<String> resourceId(Resource resource) {
        if (resource == null || resource.resourceType() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (resource.resourceType()) {
            case "Instance" -> resource.instanceDetails() == null ? null : resource.instanceDetails().instanceId();
            case "AccessKey" -> resource.accessKeyDetails() == null ? null : resource.accessKeyDetails().accessKeyId();
            case "S3Bucket" -> resource.hasS3BucketDetails() && !resource.s3BucketDetails().isEmpty()
                    ? resource.s3BucketDetails().getFirst().name() : null;
            case "EKSCluster" -> resource.eksClusterDetails() == null ? null : resource.eksClusterDetails().name();
            case "RDSDBInstance" -> resource.rdsDbInstanceDetails() == null ? null
                    : resource.rdsDbInstanceDetails().dbInstanceIdentifier();
            case "Lambda" -> resource.lambdaDetails() == null ? null : resource.lambdaDetails().functionName();
            case "ECSCluster" -> resource.ecsClusterDetails() == null ? null : resource.ecsClusterDetails().name();
            default -> null;
        });
    }
}
