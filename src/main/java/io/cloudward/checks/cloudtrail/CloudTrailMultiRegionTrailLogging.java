package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountTrails;
import io.cloudward.collect.snapshot.TrailFacts;

import java.util.List;
import java.util.Optional;

/**
 * At least one multi-region trail is logging read and write management events, so every API call in every
 * region (including the ones nobody watches) leaves a record that outlives the 90-day event history.
 */
public final class CloudTrailMultiRegionTrailLogging extends AbstractCheck<AccountTrails> {

    public CloudTrailMultiRegionTrailLogging() {
        super(AccountTrails.class);
    }

    @Override
    public CheckResult evaluate(AccountTrails facts, CheckContext context) {
        ResourceRef resource = ResourceRef.account(context.accountId());
        List<TrailFacts> multiRegion = facts.trails().stream().filter(TrailFacts::multiRegion).toList();
        var evidence = Evidence.with("trails", facts.trails().stream().map(TrailFacts::name).toList())
                .and("multiRegionTrails", multiRegion.stream().map(TrailFacts::name).toList());
        Optional<TrailFacts> good = multiRegion.stream()
                .filter(trail -> trail.status().logging() && ManagementEventCoverage.of(trail.selectors()).complete())
                .findFirst();
        if (good.isPresent()) {
            return pass(resource, "Multi-region trail " + good.get().name() + " is logging read and write management "
                    + "events for account " + context.accountId() + ".", evidence.and("trail", good.get().arn()).build());
        }
        String fix = " Create a multi-region trail (or turn on logging and read/write management events on an existing one).";
        if (facts.trails().isEmpty()) {
            return fail(resource, "Account " + context.accountId() + " has no CloudTrail trail: API activity is kept only "
                    + "90 days in the event history and nothing is stored for investigation." + fix, evidence.build());
        }
        if (multiRegion.isEmpty()) {
            List<String> single = facts.trails().stream().map(t -> t.name() + " (" + t.homeRegion() + ")").toList();
            return fail(resource, "Account " + context.accountId() + " has only single-region trails ("
                    + Phrases.list(single, 5) + "): activity in any other region is not recorded." + fix, evidence.build());
        }
        List<String> problems = multiRegion.stream().map(CloudTrailMultiRegionTrailLogging::problem).toList();
        return fail(resource, "No multi-region trail of account " + context.accountId() + " records all management "
                + "activity: " + Phrases.list(problems, 5) + "." + fix, evidence.build());
    }

    private static String problem(TrailFacts trail) {
        if (!trail.status().logging()) {
            return trail.name() + " is not logging";
        }
        return trail.name() + " records " + ManagementEventCoverage.of(trail.selectors()).describe() + " management events";
    }
}
