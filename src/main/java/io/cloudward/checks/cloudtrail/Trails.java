package io.cloudward.checks.cloudtrail;

import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.TrailFacts;

/** Shared wording for trail results. */
final class Trails {

    static final String RESOURCE_TYPE = "AwsCloudTrailTrail";

    private Trails() {
    }

    static ResourceRef resource(TrailFacts trail, String accountId) {
        return ResourceRef.of(RESOURCE_TYPE, trail.arn(), trail.homeRegion(), accountId);
    }

    /** "Trail main (multi-region, home us-east-1)". */
    static String label(TrailFacts trail) {
        return "Trail " + trail.name() + " (" + (trail.multiRegion() ? "multi-region" : "single-region")
                + ", home " + trail.homeRegion() + ")";
    }
}
