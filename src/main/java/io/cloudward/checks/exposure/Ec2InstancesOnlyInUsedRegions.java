package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.RunningInstances;

import java.util.TreeSet;

/**
 * Instances running in a region the customer says they do not use are a classic sign of a stolen account
 * (crypto-miners, command-and-control hosts), placed where nobody looks.
 */
public final class Ec2InstancesOnlyInUsedRegions extends AbstractCheck<RunningInstances> {

    public Ec2InstancesOnlyInUsedRegions() {
        super(RunningInstances.class);
    }

    @Override
    public CheckResult evaluate(RunningInstances facts, CheckContext context) {
        ResourceRef resource = ResourceRef.accountRegion(context.accountId(), facts.region());
        var evidence = Evidence.with("runningCount", facts.runningCount()).and("sampleInstanceIds", facts.sampleInstanceIds())
                .and("usedRegions", new TreeSet<>(context.usedRegions())).build();
        if (context.usedRegions().isEmpty()) {
            return notApplicable(resource, "The regions account " + context.accountId() + " uses have not been "
                    + "declared, so instances in " + facts.region() + " cannot be judged; declare them in the account settings.", evidence);
        }
        if (context.usedRegions().contains(facts.region())) {
            return pass(resource, facts.region() + " is one of the regions account " + context.accountId() + " uses.", evidence);
        }
        if (facts.runningCount() == 0) {
            return pass(resource, "No EC2 instances run in " + facts.region() + ", a region account "
                    + context.accountId() + " does not use.", evidence);
        }
        String which = facts.sampleInstanceIds().isEmpty() ? ""
                : " (" + Phrases.list(facts.sampleInstanceIds(), 3) + ")";
        return fail(resource, Phrases.count(facts.runningCount(), "EC2 instance runs", "EC2 instances run") + " in "
                + facts.region() + which + ", a region account " + context.accountId() + " does not use. Find out who "
                + "launched " + (facts.runningCount() == 1 ? "it" : "them") + " (CloudTrail RunInstances); if nobody "
                + "in your team did, treat the account as compromised.", evidence);
    }
}
