package io.cloudward.checks.guardduty;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountGuardDuty;
import io.cloudward.collect.snapshot.DetectorFacts;

import java.util.List;
import java.util.function.Predicate;

/**
 * GuardDuty monitors every covered region. Intruders launch instances in regions nobody looks at, so one
 * unwatched region is enough to hide a crypto-miner or a command-and-control host.
 */
public final class GuardDutyEnabledInAllRegions extends AbstractCheck<AccountGuardDuty> {

    public GuardDutyEnabledInAllRegions() {
        super(AccountGuardDuty.class);
    }

    @Override
    public CheckResult evaluate(AccountGuardDuty facts, CheckContext context) {
        ResourceRef resource = ResourceRef.account(context.accountId());
        List<String> covered = facts.regions().stream().map(DetectorFacts::region).sorted().toList();
        if (covered.isEmpty()) {
            return notApplicable(resource, "No regions of account " + context.accountId()
                    + " were scanned for GuardDuty.", Evidence.with("regions", covered).build());
        }
        List<String> missing = regions(facts, r -> r.detector().isEmpty());
        List<String> suspended = regions(facts, r -> r.detector().isPresent() && !r.monitoring());
        var evidence = Evidence.with("regions", covered).and("withoutDetector", missing).and("suspended", suspended).build();
        if (missing.isEmpty() && suspended.isEmpty()) {
            return pass(resource, "GuardDuty is active in all " + Phrases.count(covered.size(), "covered region", "covered regions")
                    + " of account " + context.accountId() + ".", evidence);
        }
        StringBuilder sentence = new StringBuilder("GuardDuty is not watching ")
                .append(missing.size() + suspended.size()).append(" of ").append(covered.size())
                .append(" regions of account ").append(context.accountId()).append(":");
        if (!missing.isEmpty()) {
            sentence.append(" no detector in ").append(Phrases.list(missing, 10)).append(";");
        }
        if (!suspended.isEmpty()) {
            sentence.append(" suspended in ").append(Phrases.list(suspended, 10)).append(";");
        }
        sentence.setLength(sentence.length() - 1);
        sentence.append(". Enable it in every region, including those you do not use, where an intruder would hide.");
        return fail(resource, sentence.toString(), evidence);
    }

    private static List<String> regions(AccountGuardDuty facts, Predicate<DetectorFacts> which) {
        return facts.regions().stream().filter(which).map(DetectorFacts::region).sorted().toList();
    }
}
