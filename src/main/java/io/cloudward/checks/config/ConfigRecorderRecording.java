package io.cloudward.checks.config;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;

/** A recorder that is stopped, or failing, records nothing; StopConfigurationRecorder is a known evasion step. */
public final class ConfigRecorderRecording extends AbstractCheck<ConfigRecorderFacts> {

    public ConfigRecorderRecording() {
        super(ConfigRecorderFacts.class);
    }

    @Override
    public CheckResult evaluate(ConfigRecorderFacts facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        if (facts.recorder().isEmpty()) {
            return notApplicable(resource, "There is no AWS Config recorder in " + facts.region()
                    + "; ConfigRecorderPresent reports it.", Evidence.with("recorder", "none").build());
        }
        ConfigRecorderFacts.Recorder recorder = facts.recorder().get();
        var evidence = Evidence.with("recorder", recorder.name()).and("recording", recorder.recording())
                .and("lastStatus", recorder.lastStatus()).and("lastErrorCode", recorder.lastErrorCode()).build();
        if (!recorder.recording()) {
            return fail(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region()
                    + " is stopped, so configuration changes are not recorded. Start it again and look in CloudTrail "
                    + "for the StopConfigurationRecorder call.", evidence);
        }
        if (recorder.lastStatus().filter("Failure"::equals).isPresent()) {
            return fail(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region()
                    + " is on but its last recording failed" + recorder.lastErrorCode().map(code -> " with " + code).orElse("")
                    + ". Check the recorder's IAM role and the delivery channel's bucket.", evidence);
        }
        return pass(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region() + " is recording.", evidence);
    }
}
