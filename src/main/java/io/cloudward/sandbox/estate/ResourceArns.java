package io.cloudward.sandbox.estate;

/**
 * Resource references in estate files: a full ARN, or a short form {@code ec2:i-…}, {@code ebs:vol-…},
 * {@code rds:name}, {@code s3:bucket}, {@code efs:fs-…}, {@code dynamodb:table}, and the AWS Backup resource
 * type an ARN belongs to.
 */
public final class ResourceArns {

    private ResourceArns() {
    }

    public static String expand(String reference, String accountId, String region) {
        if (reference.startsWith("arn:")) {
            return reference;
        }
        int colon = reference.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not an ARN nor a short resource reference: " + reference);
        }
        String kind = reference.substring(0, colon);
        String name = reference.substring(colon + 1);
        return switch (kind) {
            case "ec2" -> "arn:aws:ec2:" + region + ":" + accountId + ":instance/" + name;
            case "ebs" -> "arn:aws:ec2:" + region + ":" + accountId + ":volume/" + name;
            case "rds" -> "arn:aws:rds:" + region + ":" + accountId + ":db:" + name;
            case "s3" -> "arn:aws:s3:::" + name;
            case "efs" -> "arn:aws:elasticfilesystem:" + region + ":" + accountId + ":file-system/" + name;
            case "dynamodb" -> "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
            default -> throw new IllegalArgumentException("unknown resource kind in " + reference);
        };
    }

    public static String backupResourceType(String arn) {
        if (arn.contains(":instance/")) {
            return "EC2";
        }
        if (arn.contains(":volume/")) {
            return "EBS";
        }
        if (arn.startsWith("arn:aws:rds:")) {
            return "RDS";
        }
        if (arn.startsWith("arn:aws:s3:")) {
            return "S3";
        }
        if (arn.startsWith("arn:aws:elasticfilesystem:")) {
            return "EFS";
        }
        if (arn.startsWith("arn:aws:dynamodb:")) {
            return "DynamoDB";
        }
        return "Other";
    }

    /** The last part of an ARN: instance id, volume id, DB name, bucket or table. */
    public static String resourceName(String arn) {
        int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
        return arn.substring(cut + 1);
    }
}
