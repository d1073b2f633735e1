package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** An S3 bucket; its {@code publicAccessBlock} is {@code null} when the bucket has none configured. */
public record Bucket(String name, String region, Instant created, BucketPolicy policy,
                     PublicAccessBlock publicAccessBlock, List<Tag> tags) {

    public Bucket {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a bucket needs a name");
        }
        region = region == null ? "us-east-1" : region;
        policy = policy == null ? BucketPolicy.NONE : policy;
        tags = Lists.orEmpty(tags);
    }

    /** AWS reports a public policy as public unless Block Public Access restricts the bucket. */
    public boolean policyIsPublic(PublicAccessBlock accountBlock) {
        boolean restricted = publicAccessBlock != null && publicAccessBlock.restrictPublicBuckets()
                || accountBlock != null && accountBlock.restrictPublicBuckets();
        return policy == BucketPolicy.PUBLIC && !restricted;
    }
}
