package io.cloudward.collect.snapshot;

import java.util.Optional;

/** Builds and reads ARNs without SDK types. */
public final class Arns {

    private Arns() {
    }

    /** The partition a region belongs to: aws, aws-cn or aws-us-gov. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    public static String of(String service, String region, String accountId, String resource) {
        return "arn:" + partitionOf(region) + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    /** The account id field of an ARN, empty when the ARN has none (e.g. S3 buckets) or is malformed. */
    public static Optional<String> accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[4].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parts[4]);
    }
}
