package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.CheckResult;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import io.cloudward.collect.snapshot.TrailFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.NOT_APPLICABLE;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.Fixtures.hoursAgo;
import static io.cloudward.checks.cloudtrail.TrailBuilder.trail;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudTrailTrailChecksTest {

    @Nested
    class TrailLogging {
        private final CloudTrailTrailLogging check = new CloudTrailTrailLogging();

        @Test
        void passesWhenLogging() {
            CheckResult result = assertResult(check.evaluate(trail("main").build(), context()), PASS,
                    "Trail main (multi-region, home us-east-1) is logging");
            assertEquals("arn:aws:cloudtrail:us-east-1:123456789012:trail/main", result.resource().id());
            assertEquals("us-east-1", result.resource().region());
        }

        @Test
        void failsWithWhenItStopped() {
            assertResult(check.evaluate(trail("main").stoppedAt(hoursAgo(30)).build(), context()), FAIL,
                    "is not logging since 2025-05-31 06:00 UTC (30 hours ago)", "StopLogging");
        }

        @Test
        void failsWithoutAStopTime() {
            assertResult(check.evaluate(trail("main").notLogging().build(), context()), FAIL, "is not logging:");
        }
    }

    @Nested
    class LogFileValidation {
        private final CloudTrailLogFileValidationEnabled check = new CloudTrailLogFileValidationEnabled();

        @Test
        void passesWhenEnabled() {
            assertResult(check.evaluate(trail("main").build(), context()), PASS, "validation enabled");
        }

        @Test
        void failsWhenOffNamingTheBucket() {
            assertResult(check.evaluate(trail("main").withoutValidation().build(), context()), FAIL,
                    "validation turned off", "trail-logs-123");
        }
    }

    @Nested
    class KmsEncryption {
        private final CloudTrailEncryptedWithKms check = new CloudTrailEncryptedWithKms();

        @Test
        void passesWithAKey() {
            assertResult(check.evaluate(trail("main").build(), context()), PASS, "key/abcd");
        }

        @Test
        void failsWithoutAKey() {
            assertResult(check.evaluate(trail("main").withoutKms().build(), context()), FAIL,
                    "does not encrypt its log files with a KMS key", "trail-logs-123");
        }
    }

    @Nested
    class DeliveryHealth {
        private final CloudTrailDeliveryHealthy check = new CloudTrailDeliveryHealthy();

        @Test
        void passesWhenRecentlyDelivered() {
            assertResult(check.evaluate(trail("main").build(), context()), PASS, "1 hour ago");
        }

        @Test
        void failsOnADeliveryError() {
            assertResult(check.evaluate(trail("main").deliveryError("AccessDenied").build(), context()), FAIL,
                    "with error AccessDenied", "trail-logs-123");
        }

        @Test
        void ignoresABlankDeliveryError() {
            assertResult(check.evaluate(trail("main").deliveryError("").build(), context()), PASS);
        }

        @Test
        void failsWhenDeliveryIsOlderThanTheThreshold() {
            assertResult(check.evaluate(trail("main").deliveredAt(Optional.of(hoursAgo(25))).build(), context()), FAIL,
                    "25 hours ago (more than 24 hours)");
        }

        @Test
        void failsWhenNeverDelivered() {
            assertResult(check.evaluate(trail("main").deliveredAt(Optional.empty()).build(), context()), FAIL,
                    "never delivered");
        }

        @Test
        void notApplicableWhenNotLogging() {
            assertResult(check.evaluate(trail("main").notLogging().deliveredAt(Optional.of(hoursAgo(100))).build(), context()),
                    NOT_APPLICABLE, "CloudTrailTrailLogging");
        }
    }

    @Nested
    class ManagementEvents {
        private final CloudTrailManagementEventsCaptured check = new CloudTrailManagementEventsCaptured();

        @Test
        void passesWithReadAndWrite() {
            assertResult(check.evaluate(trail("main").build(), context()), PASS, "records read and write management events.");
        }

        @Test
        void passesNamingExcludedSources() {
            TrailFacts trail = trail("main").selectors(TrailFacts.Selectors.basic(
                    new TrailFacts.EventSelector("All", true, List.of("kms.amazonaws.com")))).build();
            assertResult(check.evaluate(trail, context()), PASS, "(except events from kms.amazonaws.com)");
        }

        @Test
        void failsWhenOnlyWritesAreRecorded() {
            TrailFacts trail = trail("main").selectors(TrailFacts.Selectors.basic(
                    new TrailFacts.EventSelector("WriteOnly", true, List.of()))).build();
            assertResult(check.evaluate(trail, context()), FAIL, "only write management events", "reconnaissance", "Read and Write");
        }

        @Test
        void failsWhenOnlyReadsAreRecorded() {
            TrailFacts trail = trail("main").selectors(TrailFacts.Selectors.basic(
                    new TrailFacts.EventSelector("ReadOnly", true, List.of()))).build();
            assertResult(check.evaluate(trail, context()), FAIL, "only read management events", "changes to your account");
        }

        @Test
        void singleRegionTrailsAreNotJudged() {
            assertResult(check.evaluate(trail("bucket-data").singleRegion().build(), context()), NOT_APPLICABLE);
        }
    }

    @Nested
    class LogBucket {
        private final CloudTrailBucketNotPublic check = new CloudTrailBucketNotPublic();

        @Test
        void passesWhenPolicyIsNotPublic() {
            assertResult(check.evaluate(trail("main").logBucket(bucket(Optional.of(false), true)).build(), context()), PASS,
                    "is not public and blocks public access");
        }

        @Test
        void failsWhenThePolicyIsPublic() {
            assertResult(check.evaluate(trail("main").logBucket(bucket(Optional.of(true), false)).build(), context()), FAIL,
                    "S3 bucket trail-logs-123, where trail main stores its logs", "public");
        }

        @Test
        void notApplicableWhenTheBucketIsElsewhere() {
            assertResult(check.evaluate(trail("main").build(), context()), NOT_APPLICABLE, "not in account 123456789012");
        }

        private static BucketFacts bucket(Optional<Boolean> policyIsPublic, boolean blocked) {
            return new BucketFacts("trail-logs-123", "us-east-1",
                    blocked ? Optional.of(PublicAccessBlockFlags.allOn()) : Optional.empty(), Optional.empty(), policyIsPublic);
        }
    }
}
