package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.BucketFacts;
import io.cloudward.collect.snapshot.TrailFacts;

/** The bucket holding CloudTrail logs is not public: the logs map your whole estate and its weak spots. */
public final class CloudTrailBucketNotPublic extends AbstractCheck<TrailFacts> {

    public CloudTrailBucketNotPublic() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        var resource = Trails.resource(trail, context.accountId());
        if (trail.logBucket().isEmpty()) {
            return notApplicable(resource, Trails.label(trail) + " writes to S3 bucket " + trail.s3BucketName()
                    + ", which is not in account " + context.accountId() + "; check it in the account that owns it.",
                    Evidence.with("s3BucketName", trail.s3BucketName()).build());
        }
        BucketFacts bucket = trail.logBucket().get();
        boolean blocked = bucket.effectivePublicAccessBlock().allEnabled();
        var evidence = Evidence.with("s3BucketName", bucket.name()).and("policyIsPublic", bucket.policyIsPublic())
                .and("publicAccessBlocked", blocked).build();
        if (bucket.policyIsPublic().orElse(false)) {
            return fail(resource, "S3 bucket " + bucket.name() + ", where trail " + trail.name()
                    + " stores its logs, has a bucket policy that makes it public: anyone can read a map of your estate. "
                    + "Remove the public statements and turn on Block Public Access for the bucket.", evidence);
        }
        return pass(resource, "S3 bucket " + bucket.name() + " holding the logs of trail " + trail.name()
                + " is not public" + (blocked ? " and blocks public access." : " (its policy grants no public access)."), evidence);
    }
}
