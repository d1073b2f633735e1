package io.cloudward.sandbox.estate;

import java.util.List;

/** The account's S3: account-level Block Public Access ({@code null} when never set) and its buckets. */
public record S3Account(PublicAccessBlock accountPublicAccessBlock, List<Bucket> buckets) {

    public S3Account {
        buckets = Lists.orEmpty(buckets);
    }

    public static S3Account empty() {
        return new S3Account(null, null);
    }
}
