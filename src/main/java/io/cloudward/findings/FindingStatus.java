package io.cloudward.findings;

/** Where a finding stands. SUPPRESSED findings stay visible but count for neither score nor alerts. */
public enum FindingStatus {
    OPEN,
    RESOLVED,
    SUPPRESSED
}
