package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One CloudTrail trail, once per trail ARN (collect from its home region; skip shadow copies that
 * DescribeTrails(includeShadowTrails) returns in other regions).
 *
 * @param name                        Trail.Name
 * @param arn                         Trail.TrailARN
 * @param homeRegion                  Trail.HomeRegion
 * @param multiRegion                 Trail.IsMultiRegionTrail
 * @param organizationTrail           Trail.IsOrganizationTrail
 * @param includeGlobalServiceEvents  Trail.IncludeGlobalServiceEvents
 * @param logFileValidationEnabled    Trail.LogFileValidationEnabled
 * @param kmsKeyId                    Trail.KmsKeyId, empty when logs use S3-managed encryption only
 * @param s3BucketName                Trail.S3BucketName
 * @param status                      GetTrailStatus
 * @param selectors                   GetEventSelectors
 * @param logBucket                   the log bucket's facts when the bucket is in this account, empty otherwise
 */
public record TrailFacts(String name, String arn, String homeRegion, boolean multiRegion, boolean organizationTrail,
                         boolean includeGlobalServiceEvents, boolean logFileValidationEnabled,
                         Optional<String> kmsKeyId, String s3BucketName, Status status, Selectors selectors,
                         Optional<BucketFacts> logBucket) {

    public TrailFacts {
        Facts.text(name, "trail name");
        Facts.text(arn, "trail ARN");
        Facts.text(homeRegion, "trail home region");
        Facts.present(kmsKeyId, "trail KMS key");
        Facts.text(s3BucketName, "trail S3 bucket");
        Facts.present(status, "trail status");
        Facts.present(selectors, "trail event selectors");
        Facts.present(logBucket, "trail log bucket");
    }

    /**
     * @param logging             IsLogging
     * @param latestDeliveryTime  LatestDeliveryTime, empty if the trail never delivered
     * @param latestDeliveryError LatestDeliveryError, empty when there is none
     * @param stopLoggingTime     StopLoggingTime, empty if logging was never stopped
     */
    public record Status(boolean logging, Optional<Instant> latestDeliveryTime, Optional<String> latestDeliveryError,
                         Optional<Instant> stopLoggingTime) {
        public Status {
            Facts.present(latestDeliveryTime, "latest delivery time");
            Facts.present(latestDeliveryError, "latest delivery error");
            Facts.present(stopLoggingTime, "stop logging time");
            latestDeliveryError = latestDeliveryError.filter(error -> !error.isBlank());
        }
    }

    /** GetEventSelectors: a trail has either basic or advanced selectors. */
    public record Selectors(List<EventSelector> basic, List<AdvancedEventSelector> advanced) {
        public Selectors {
            basic = Facts.list(basic, "event selectors");
            advanced = Facts.list(advanced, "advanced event selectors");
        }

        public static Selectors basic(EventSelector... selectors) {
            return new Selectors(List.of(selectors), List.of());
        }

        public static Selectors advanced(AdvancedEventSelector... selectors) {
            return new Selectors(List.of(), List.of(selectors));
        }
    }

    /**
     * @param readWriteType                  ReadOnly, WriteOnly or All
     * @param includeManagementEvents        IncludeManagementEvents
     * @param excludeManagementEventSources  ExcludeManagementEventSources, e.g. kms.amazonaws.com
     */
    public record EventSelector(String readWriteType, boolean includeManagementEvents,
                                List<String> excludeManagementEventSources) {
        public EventSelector {
            if (!List.of("ReadOnly", "WriteOnly", "All").contains(readWriteType)) {
                throw new IllegalArgumentException("ReadWriteType must be ReadOnly, WriteOnly or All, got " + readWriteType);
            }
            excludeManagementEventSources = Facts.list(excludeManagementEventSources, "excluded management event sources");
        }
    }

    public record AdvancedEventSelector(Optional<String> name, List<FieldSelector> fieldSelectors) {
        public AdvancedEventSelector {
            Facts.present(name, "advanced selector name");
            fieldSelectors = Facts.list(fieldSelectors, "field selectors");
        }
    }

    /** One AdvancedFieldSelector with its operators; unused operators are empty lists. */
    public record FieldSelector(String field, List<String> equalsValues, List<String> notEquals,
                                List<String> startsWith, List<String> notStartsWith, List<String> endsWith,
                                List<String> notEndsWith) {
        public FieldSelector {
            Facts.text(field, "selector field");
            equalsValues = Facts.list(equalsValues, "Equals");
            notEquals = Facts.list(notEquals, "NotEquals");
            startsWith = Facts.list(startsWith, "StartsWith");
            notStartsWith = Facts.list(notStartsWith, "NotStartsWith");
            endsWith = Facts.list(endsWith, "EndsWith");
            notEndsWith = Facts.list(notEndsWith, "NotEndsWith");
        }

        public static FieldSelector equalTo(String field, String... values) {
            return new FieldSelector(field, List.of(values), List.of(), List.of(), List.of(), List.of(), List.of());
        }

        public static FieldSelector notEqualTo(String field, String... values) {
            return new FieldSelector(field, List.of(), List.of(values), List.of(), List.of(), List.of(), List.of());
        }

        /** True when only Equals / NotEquals are used. */
        public boolean exactMatchOnly() {
            return startsWith.isEmpty() && notStartsWith.isEmpty() && endsWith.isEmpty() && notEndsWith.isEmpty();
        }
    }
}
