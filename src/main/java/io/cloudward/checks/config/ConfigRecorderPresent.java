package io.cloudward.checks.config;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.ConfigRecorderFacts;

/** Without a Config recorder there is no history of what a resource looked like before an incident. */
public final class ConfigRecorderPresent extends AbstractCheck<ConfigRecorderFacts> {

    public ConfigRecorderPresent() {
        super(ConfigRecorderFacts.class);
    }

    @Override
    public CheckResult evaluate(ConfigRecorderFacts facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        return facts.recorder()
                .map(recorder -> pass(resource, "AWS Config recorder " + recorder.name() + " exists in "
                        + facts.region() + ".", Evidence.with("recorder", recorder.name()).build()))
                .orElseGet(() -> fail(resource, "AWS Config has no configuration recorder in " + facts.region()
                        + " of account " + context.accountId() + ": changes to resources there are not recorded, so "
                        + "you cannot tell what an intruder changed. Set up AWS Config in " + facts.region() + ".",
                        Evidence.with("recorder", "none").build()));
    }
}
