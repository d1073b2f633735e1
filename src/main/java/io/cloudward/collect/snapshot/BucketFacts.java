package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * One S3 bucket: GetBucketLocation, GetPublicAccessBlock and GetBucketPolicyStatus.
 *
 * @param name              bucket name
 * @param region            bucket region (GetBucketLocation; an empty LocationConstraint means us-east-1)
 * @param publicAccessBlock        bucket-level settings, empty on NoSuchPublicAccessBlockConfiguration
 * @param accountPublicAccessBlock the owning account's settings (S3 Control), which S3 combines with the
 *                                 bucket's; empty when the account has none
 * @param policyIsPublic           PolicyStatus.IsPublic, empty when the bucket has no policy (NoSuchBucketPolicy)
 */
public record BucketFacts(String name, String region, Optional<PublicAccessBlockFlags> publicAccessBlock,
                          Optional<PublicAccessBlockFlags> accountPublicAccessBlock, Optional<Boolean> policyIsPublic) {

    public BucketFacts {
        Facts.text(name, "bucket name");
        Facts.text(region, "bucket region");
        Facts.present(publicAccessBlock, "bucket public access block");
        Facts.present(accountPublicAccessBlock, "account public access block");
        Facts.present(policyIsPublic, "bucket policy status");
    }

    /** The settings in force: S3 applies a setting when either the bucket or the account turns it on. */
    public PublicAccessBlockFlags effectivePublicAccessBlock() {
        PublicAccessBlockFlags none = new PublicAccessBlockFlags(false, false, false, false);
        PublicAccessBlockFlags bucket = publicAccessBlock.orElse(none);
        PublicAccessBlockFlags account = accountPublicAccessBlock.orElse(none);
        return new PublicAccessBlockFlags(bucket.blockPublicAcls() || account.blockPublicAcls(),
                bucket.ignorePublicAcls() || account.ignorePublicAcls(),
                bucket.blockPublicPolicy() || account.blockPublicPolicy(),
                bucket.restrictPublicBuckets() || account.restrictPublicBuckets());
    }

    public String arn() {
        return "arn:" + Arns.partitionOf(region) + ":s3:::" + name;
    }
}
