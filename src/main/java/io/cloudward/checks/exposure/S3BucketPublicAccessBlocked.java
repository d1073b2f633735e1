package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.BucketFacts;

import java.util.List;

/**
 * The bucket is covered by all four Block Public Access settings, set on the bucket or inherited from the
 * account (S3 applies whichever is stricter).
 */
public final class S3BucketPublicAccessBlocked extends AbstractCheck<BucketFacts> {

    static final String RESOURCE_TYPE = "AwsS3Bucket";

    public S3BucketPublicAccessBlocked() {
        super(BucketFacts.class);
    }

    @Override
    public CheckResult evaluate(BucketFacts bucket, CheckContext context) {
        ResourceRef resource = ResourceRef.of(RESOURCE_TYPE, bucket.arn(), bucket.region(), context.accountId());
        List<String> off = bucket.effectivePublicAccessBlock().disabledSettings();
        var evidence = Evidence.with("bucketSettingsConfigured", bucket.publicAccessBlock().isPresent())
                .and("accountSettingsConfigured", bucket.accountPublicAccessBlock().isPresent())
                .and("settingsNotInForce", off).build();
        if (off.isEmpty()) {
            boolean own = bucket.publicAccessBlock().filter(f -> f.allEnabled()).isPresent();
            return pass(resource, "S3 bucket " + bucket.name() + " blocks public access with all four settings"
                    + (own ? "." : ", through the account-level settings."), evidence);
        }
        return fail(resource, "S3 bucket " + bucket.name() + " (" + bucket.region() + ") is not protected by Block "
                + "Public Access setting" + (off.size() == 1 ? " " : "s ") + Phrases.list(off, 4) + " at bucket or "
                + "account level, so a policy or ACL change can make it public. Turn on all four settings for the "
                + "bucket (or the account).", evidence);
    }
}
