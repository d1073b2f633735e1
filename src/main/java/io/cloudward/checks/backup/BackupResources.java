package io.cloudward.checks.backup;

import io.cloudward.checks.ResourceRef;

/** Maps AWS Backup resource types to the resource types used elsewhere, so findings line up by resource. */
final class BackupResources {

    private BackupResources() {
    }

    static ResourceRef of(String backupResourceType, String arn, String region, String accountId) {
        String type = switch (backupResourceType) {
            case "EBS" -> "AwsEc2Volume";
            case "EC2" -> "AwsEc2Instance";
            case "RDS" -> "AwsRdsDbInstance";
            case "Aurora" -> "AwsRdsDbCluster";
            case "DynamoDB" -> "AwsDynamoDbTable";
            case "EFS" -> "AwsEfsFileSystem";
            case "S3" -> "AwsS3Bucket";
            default -> "AwsBackupResource";
        };
        return ResourceRef.of(type, arn, region, accountId);
    }
}
