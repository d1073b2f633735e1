package io.cloudward.findings;

/**
 * What produced a finding. Only CHECK findings come from full snapshots and may be resolved by a sweep;
 * GuardDuty findings and CloudTrail events arrive incrementally, so their absence from a run means nothing.
 */
public enum Origin {
    CHECK,
    GUARDDUTY,
    TRAIL_EVENT
}
