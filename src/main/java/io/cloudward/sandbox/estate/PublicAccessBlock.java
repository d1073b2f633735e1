package io.cloudward.sandbox.estate;

/** S3 Block Public Access settings, of a bucket or of the whole account. */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);
}
