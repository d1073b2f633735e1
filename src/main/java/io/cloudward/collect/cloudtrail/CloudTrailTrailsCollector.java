package io.cloudward.collect.cloudtrail;

import io.cloudward.collect.AwsCallFailed;
import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.exposure.S3Lookups;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import io.cloudward.collect.snapshot.TrailFacts;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The trails whose home region this is (DescribeTrails without shadow trails, so each trail is collected
 * once, in its home region), with GetTrailStatus, GetEventSelectors and the log bucket's public status.
 */
public final class CloudTrailTrailsCollector extends AwsSourceCollector {

    /** What S3 answers for a bucket this account does not own (or that lives in another region). */
    private static final Set<String> NOT_OURS = Set.of("NoSuchBucket", "AccessDenied", "PermanentRedirect",
            "AuthorizationHeaderMalformed");

    @Override
    public Source source() {
        return Source.CLOUDTRAIL_TRAILS;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        CloudTrailClient cloudTrail = run.clients().cloudTrail(run.sdkRegion());
        var trails = run.call("cloudtrail:DescribeTrails",
                () -> cloudTrail.describeTrails(request -> request.includeShadowTrails(false)).trailList());
        for (Trail trail : trails) {
            if (!run.region().equals(trail.homeRegion())) {
                continue;
            }
            GetTrailStatusResponse status = run.call("cloudtrail:GetTrailStatus",
                    () -> cloudTrail.getTrailStatus(request -> request.name(trail.trailARN())));
            GetEventSelectorsResponse selectors = run.call("cloudtrail:GetEventSelectors",
                    () -> cloudTrail.getEventSelectors(request -> request.trailName(trail.trailARN())));
            sink.snapshot(new TrailFacts(trail.name(), trail.trailARN(), trail.homeRegion(),
                    Boolean.TRUE.equals(trail.isMultiRegionTrail()), Boolean.TRUE.equals(trail.isOrganizationTrail()),
                    Boolean.TRUE.equals(trail.includeGlobalServiceEvents()),
                    Boolean.TRUE.equals(trail.logFileValidationEnabled()), Optional.ofNullable(trail.kmsKeyId()),
                    trail.s3BucketName(), TrailMapping.status(status), TrailMapping.selectors(selectors),
                    logBucket(run, trail)));
            run.seen(1);
        }
    }

    /**
     * The log bucket's facts when this account owns it. A bucket in another account (an organisation's log
     * archive) answers AccessDenied or NoSuchBucket: that is "not ours", not a failure. The bucket is asked
     * in the trail's home region, where trails usually keep it.
     */
    private static Optional<BucketFacts> logBucket(SourceRun run, Trail trail) {
        S3Client s3 = run.clients().s3(run.sdkRegion());
        String bucket = trail.s3BucketName();
        try {
            Optional<Boolean> policyPublic = S3Lookups.policyIsPublic(run, s3, bucket);
            Optional<PublicAccessBlockFlags> block = S3Lookups.publicAccessBlock(run, s3, bucket);
            return Optional.of(new BucketFacts(bucket, trail.homeRegion(), block, Optional.empty(), policyPublic));
        } catch (AwsCallFailed failed) {
            if (NOT_OURS.contains(failed.failure().code())) {
                return Optional.empty();
            }
            throw failed;
        }
    }
}
