package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.BucketFacts;

import java.util.Set;

/**
 * The bucket policy does not grant public access (PolicyStatus.IsPublic). When RestrictPublicBuckets is in
 * force S3 ignores the public grant, so the finding is RESTRICTED (lower severity) rather than PUBLIC.
 */
public final class S3BucketPolicyNotPublic extends AbstractCheck<BucketFacts> {

    static final String PUBLIC = "PUBLIC";
    static final String RESTRICTED = "RESTRICTED";

    public S3BucketPolicyNotPublic() {
        super(BucketFacts.class);
    }

    @Override
    public Set<String> variants() {
        return Set.of(PUBLIC, RESTRICTED);
    }

    @Override
    public CheckResult evaluate(BucketFacts bucket, CheckContext context) {
        ResourceRef resource = ResourceRef.of(S3BucketPublicAccessBlocked.RESOURCE_TYPE, bucket.arn(), bucket.region(),
                context.accountId());
        boolean restricted = bucket.effectivePublicAccessBlock().restrictPublicBuckets();
        var evidence = Evidence.with("hasPolicy", bucket.policyIsPublic().isPresent())
                .and("policyIsPublic", bucket.policyIsPublic()).and("restrictPublicBuckets", restricted).build();
        if (bucket.policyIsPublic().isEmpty()) {
            return pass(resource, "S3 bucket " + bucket.name() + " has no bucket policy, so no policy makes it public.", evidence);
        }
        if (!bucket.policyIsPublic().get()) {
            return pass(resource, "S3 bucket " + bucket.name() + " has a bucket policy that grants no public access.", evidence);
        }
        if (restricted) {
            return fail(resource, "S3 bucket " + bucket.name() + " has a bucket policy that grants public access; "
                    + "RestrictPublicBuckets blocks it today, but turning that setting off would expose the bucket at "
                    + "once. Remove the public statements from the policy.", evidence).withVariant(RESTRICTED);
        }
        return fail(resource, "S3 bucket " + bucket.name() + " (" + bucket.region() + ") is public: its bucket policy "
                + "lets anyone on the internet access it. Remove the public statements (Principal \"*\" without "
                + "conditions) and turn on Block Public Access.", evidence).withVariant(PUBLIC);
    }
}
