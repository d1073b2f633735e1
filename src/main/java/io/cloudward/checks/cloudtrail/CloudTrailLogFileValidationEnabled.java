package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.TrailFacts;

/** Log-file validation lets you prove that nobody edited or deleted log files after delivery. */
public final class CloudTrailLogFileValidationEnabled extends AbstractCheck<TrailFacts> {

    public CloudTrailLogFileValidationEnabled() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        var evidence = Evidence.with("logFileValidationEnabled", trail.logFileValidationEnabled()).build();
        if (trail.logFileValidationEnabled()) {
            return pass(Trails.resource(trail, context.accountId()), Trails.label(trail)
                    + " has log-file validation enabled.", evidence);
        }
        return fail(Trails.resource(trail, context.accountId()), Trails.label(trail) + " has log-file validation "
                + "turned off: if an intruder edits or deletes its log files in S3 bucket " + trail.s3BucketName()
                + ", you cannot prove it. Enable log-file validation on the trail.", evidence);
    }
}
