package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.TrailFacts;

/**
 * A multi-region trail records both read and write management events. Write-only trails miss the
 * reconnaissance (List*, Describe*, GetSecretValue) that comes before an attack. Single-region trails are
 * usually purpose-built (e.g. data events for one bucket) and are not judged here.
 */
public final class CloudTrailManagementEventsCaptured extends AbstractCheck<TrailFacts> {

    public CloudTrailManagementEventsCaptured() {
        super(TrailFacts.class);
    }

    @Override
    public CheckResult evaluate(TrailFacts trail, CheckContext context) {
        ManagementEventCoverage coverage = ManagementEventCoverage.of(trail.selectors());
        var evidence = Evidence.with("readEvents", coverage.reads()).and("writeEvents", coverage.writes())
                .and("excludedEventSources", coverage.excludedSources())
                .and("selectorKind", trail.selectors().advanced().isEmpty() ? "basic" : "advanced").build();
        var resource = Trails.resource(trail, context.accountId());
        if (!trail.multiRegion()) {
            return notApplicable(resource, Trails.label(trail) + " covers one region; account-wide management events "
                    + "are expected from a multi-region trail.", evidence);
        }
        if (coverage.complete()) {
            String exclusions = coverage.excludedSources().isEmpty() ? ""
                    : " (except events from " + String.join(", ", coverage.excludedSources()) + ")";
            return pass(resource, Trails.label(trail) + " records read and write management events" + exclusions + ".", evidence);
        }
        return fail(resource, Trails.label(trail) + " records " + coverage.describe() + " management events"
                + (coverage.writes() ? ": reconnaissance calls such as List*, Describe* and GetSecretValue leave no trace"
                : ": changes to your account are not recorded")
                + ". Set the trail's management events to Read and Write.", evidence);
    }
}
