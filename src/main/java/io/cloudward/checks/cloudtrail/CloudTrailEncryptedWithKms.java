package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.TrailFacts;

/** With a KMS key, reading the logs needs kms:Decrypt too, a second permission an intruder must hold. */
public final class CloudTrailEncryptedWithKms extends AbstractCheck<TrailFacts> {

    public CloudTrailEncryptedWithKms() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        var evidence = Evidence.with("kmsKeyId", trail.kmsKeyId()).and("s3BucketName", trail.s3BucketName()).build();
        return trail.kmsKeyId()
                .map(key -> pass(Trails.resource(trail, context.accountId()), Trails.label(trail)
                        + " encrypts its log files with KMS key " + key + ".", evidence))
                .orElseGet(() -> fail(Trails.resource(trail, context.accountId()), Trails.label(trail)
                        + " does not encrypt its log files with a KMS key: anyone who can read bucket "
                        + trail.s3BucketName() + " can read the logs. Configure SSE-KMS with a customer managed key "
                        + "on the trail.", evidence));
    }
}
