package io.cloudward.collect.exposure;

import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.PublicAccessBlockFlags;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** The per-bucket S3 questions both the S3 exposure source and the trail log bucket ask. */
public final class S3Lookups {

    private S3Lookups() {
    }

    /** PolicyStatus.IsPublic; empty when the bucket has no policy. */
    public static Optional<Boolean> policyIsPublic(SourceRun run, S3Client s3, String bucket) {
        return run.optional("s3:GetBucketPolicyStatus", Set.of("NoSuchBucketPolicy"),
                () -> s3.getBucketPolicyStatus(request -> request.bucket(bucket)).policyStatus().isPublic());
    }

    /** The bucket's Block Public Access settings; empty when it has none. */
    public static Optional<PublicAccessBlockFlags> publicAccessBlock(SourceRun run, S3Client s3, String bucket) {
        return run.optional("s3:GetBucketPublicAccessBlock", Set.of("NoSuchPublicAccessBlockConfiguration"),
                () -> flags(s3.getPublicAccessBlock(request -> request.bucket(bucket)).publicAccessBlockConfiguration()));
    }

    private static PublicAccessBlockFlags flags(PublicAccessBlockConfiguration configuration) {
        return new PublicAccessBlockFlags(Boolean.TRUE.equals(configuration.blockPublicAcls()),
                Boolean.TRUE.equals(configuration.ignorePublicAcls()), Boolean.TRUE.equals(configuration.blockPublicPolicy()),
                Boolean.TRUE.equals(configuration.restrictPublicBuckets()));
    }
}
