package io.cloudward.checks.config;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;

/** A recorder limited to a few resource types leaves the others without history. */
public final class ConfigRecordsAllResourceTypes extends AbstractCheck<ConfigRecorderFacts> {

    public ConfigRecordsAllResourceTypes() {
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
        var evidence = Evidence.with("recorder", recorder.name()).and("allSupported", recorder.allSupported())
                .and("recordingStrategy", recorder.recordingStrategy())
                .and("excludedResourceTypes", recorder.excludedResourceTypes()).build();
        if (!recorder.allSupported()) {
            return fail(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region()
                    + " records only selected resource types" + recorder.recordingStrategy().map(s -> " (" + s + ")").orElse("")
                    + ", so changes to other resources leave no history. Record all supported resource types.", evidence);
        }
        if (!recorder.excludedResourceTypes().isEmpty()) {
            return fail(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region() + " excludes "
                    + Phrases.list(recorder.excludedResourceTypes(), 5) + " from recording. Remove the exclusions "
                    + "unless each is a deliberate, documented choice.", evidence);
        }
        return pass(resource, "AWS Config recorder " + recorder.name() + " in " + facts.region()
                + " records all supported resource types.", evidence);
    }
}
