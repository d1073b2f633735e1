package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.TrailFacts;

/** Every trail that exists is logging; a stopped trail is how an intruder blinds the watcher. */
public final class CloudTrailTrailLogging extends AbstractCheck<TrailFacts> {

    public CloudTrailTrailLogging() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        var evidence = Evidence.with("isLogging", trail.status().logging())
                .and("stopLoggingTime", trail.status().stopLoggingTime()).build();
        if (trail.status().logging()) {
            return pass(Trails.resource(trail, context.accountId()), Trails.label(trail) + " is logging.", evidence);
        }
        String since = trail.status().stopLoggingTime()
                .map(stopped -> " since " + Phrases.minute(stopped) + " (" + Phrases.ago(stopped, context.now()) + ")")
                .orElse("");
        return fail(Trails.resource(trail, context.accountId()), Trails.label(trail) + " is not logging" + since
                + ": API calls are no longer recorded. Start logging again and look in CloudTrail event history for "
                + "the StopLogging call and who made it.", evidence);
    }
}
