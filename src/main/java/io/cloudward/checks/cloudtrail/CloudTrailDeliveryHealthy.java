package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.TrailFacts;

import java.time.Duration;
import java.time.Instant;

/**
 * A logging trail whose files do not arrive is as blind as a stopped one: a changed bucket policy or a
 * deleted KMS key grant silently breaks delivery while IsLogging still says true.
 */
public final class CloudTrailDeliveryHealthy extends AbstractCheck<TrailFacts> {

    public CloudTrailDeliveryHealthy() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        TrailFacts.Status status = trail.status();
        int maxAgeHours = context.thresholds().trailDeliveryMaxAgeHours();
        var evidence = Evidence.with("latestDeliveryTime", status.latestDeliveryTime())
                .and("latestDeliveryError", status.latestDeliveryError())
                .and("maxAgeHours", maxAgeHours).and("s3BucketName", trail.s3BucketName()).build();
        var resource = Trails.resource(trail, context.accountId());
        if (!status.logging()) {
            return notApplicable(resource, Trails.label(trail) + " is not logging, so nothing is delivered; "
                    + "CloudTrailTrailLogging reports it.", evidence);
        }
        if (status.latestDeliveryError().isPresent()) {
            return fail(resource, Trails.label(trail) + " failed to deliver log files to S3 bucket " + trail.s3BucketName()
                    + " with error " + status.latestDeliveryError().get() + ". Fix the bucket policy, the bucket's "
                    + "existence or the KMS key policy so CloudTrail can write again.", evidence);
        }
        if (status.latestDeliveryTime().isEmpty()) {
            return fail(resource, Trails.label(trail) + " is logging but has never delivered a log file to S3 bucket "
                    + trail.s3BucketName() + ". Check that the bucket exists and its policy lets CloudTrail write.", evidence);
        }
        Instant delivered = status.latestDeliveryTime().get();
        if (Duration.between(delivered, context.now()).compareTo(Duration.ofHours(maxAgeHours)) > 0) {
            return fail(resource, Trails.label(trail) + " last delivered a log file to S3 bucket " + trail.s3BucketName()
                    + " at " + Phrases.minute(delivered) + ", " + Phrases.ago(delivered, context.now())
                    + " (more than " + maxAgeHours + " hours). Check the bucket policy and KMS key policy.", evidence);
        }
        return pass(resource, Trails.label(trail) + " delivered its latest log file to S3 bucket " + trail.s3BucketName()
                + " " + Phrases.ago(delivered, context.now()) + ".", evidence);
    }
}
