package io.cloudward.accounts;

/**
 * Where a connected account stands. Verification (on connect, on demand and before each scan) moves it
 * between CONNECTED, DEGRADED and FAILING; removing it makes it DISCONNECTED until its data is purged.
 */
public enum AccountStatus {
    /** Created, not yet verified. */
    PENDING("Pending"),
    /** The role works and grants everything the collectors call. */
    CONNECTED("Connected"),
    /** The role works but some permissions are missing: those capabilities are not collected. */
    DEGRADED("Degraded"),
    /** AssumeRole fails: nothing is collected until the role is fixed. */
    FAILING("Failing"),
    /** Removed by the tenant; nothing is collected and its data waits for the purge date. */
    DISCONNECTED("Disconnected");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when scans may run. */
    public boolean collectable() {
        return this == CONNECTED || this == DEGRADED;
    }
}
