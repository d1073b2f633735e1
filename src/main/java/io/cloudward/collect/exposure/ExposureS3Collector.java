package io.cloudward.collect.exposure;

import io.cloudward.collect.AwsCallFailed;
import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.AccountPublicAccessBlock;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * The account's S3 Block Public Access settings (S3 Control) and every bucket's own settings and policy
 * status, asked in the bucket's region. A bucket whose questions fail is skipped and makes the source
 * PARTIAL; the other buckets still count.
 */
public final class ExposureS3Collector extends AwsSourceCollector {

    private static final int PAGE = 1000;

    @Override
    public Source source() {
        return Source.EXPOSURE_S3;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        Optional<PublicAccessBlockFlags> account = run.optional("s3:GetAccountPublicAccessBlock",
                Set.of("NoSuchPublicAccessBlockConfiguration"), () -> accountFlags(run.clients().s3Control(run.sdkRegion())
                        .getPublicAccessBlock(request -> request.accountId(run.accountId())).publicAccessBlockConfiguration()));
        sink.snapshot(new AccountPublicAccessBlock(account));
        S3Client listing = run.clients().s3(run.sdkRegion());
        String token = null;
        do {
            String pageToken = token;
            ListBucketsResponse page = run.call("s3:ListAllMyBuckets",
                    () -> listing.listBuckets(request -> request.maxBuckets(PAGE).continuationToken(pageToken)));
            for (Bucket bucket : page.buckets()) {
                bucket(run, bucket, account).ifPresent(sink::snapshot);
            }
            run.seen(page.buckets().size());
            token = page.continuationToken();
        } while (token != null && !token.isEmpty());
    }

    private static PublicAccessBlockFlags accountFlags(PublicAccessBlockConfiguration configuration) {
        return new PublicAccessBlockFlags(Boolean.TRUE.equals(configuration.blockPublicAcls()),
                Boolean.TRUE.equals(configuration.ignorePublicAcls()), Boolean.TRUE.equals(configuration.blockPublicPolicy()),
                Boolean.TRUE.equals(configuration.restrictPublicBuckets()));
    }

    /**
     * ListBuckets names each bucket's region (BucketRegion), which spares GetBucketLocation, an action the
     * Cloudward role does not have; a listing without it is taken as us-east-1.
     */
    private static Optional<BucketFacts> bucket(SourceRun run, Bucket bucket, Optional<PublicAccessBlockFlags> account) {
        String region = bucket.bucketRegion() == null ? "us-east-1" : bucket.bucketRegion();
        S3Client s3 = run.clients().s3(Region.of(region));
        String name = bucket.name();
        try {
            return Optional.of(new BucketFacts(name, region, S3Lookups.publicAccessBlock(run, s3, name), account,
                    S3Lookups.policyIsPublic(run, s3, name)));
        } catch (AwsCallFailed failed) {
            run.partial(failed);
            return Optional.empty();
        }
    }
}
