package io.cloudward.sandbox.estate;

import java.time.Instant;

/**
 * A CloudTrail trail. A multi-region trail shows in every region (as a shadow trail outside its home
 * region); a single-region trail only in its home region.
 */
public record Trail(String name, String homeRegion, boolean multiRegion, Boolean logging, boolean logFileValidation,
                    String kmsKeyId, String s3BucketName, String cloudWatchLogsLogGroupArn,
                    Boolean includeGlobalServiceEvents, boolean organizationTrail, String readWriteType,
                    Boolean includeManagementEvents, String latestDeliveryError, Instant latestDeliveryTime,
                    Instant startLoggingTime, Instant stopLoggingTime) {

    public Trail {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a trail needs a name");
        }
        homeRegion = homeRegion == null ? "us-east-1" : homeRegion;
        logging = logging == null || logging;
        includeGlobalServiceEvents = includeGlobalServiceEvents == null || includeGlobalServiceEvents;
        readWriteType = readWriteType == null ? "All" : readWriteType;
        includeManagementEvents = includeManagementEvents == null || includeManagementEvents;
        s3BucketName = s3BucketName == null ? "cloudtrail-logs-" + name.toLowerCase() : s3BucketName;
    }

    public String arn(String accountId) {
        return "arn:aws:cloudtrail:" + homeRegion + ":" + accountId + ":trail/" + name;
    }

    public boolean visibleIn(String region) {
        return multiRegion || homeRegion.equals(region);
    }
}
