package io.cloudward.collect;

/**
 * What the run's heartbeat learnt, read by the executor between sources: stop when the run was cancelled
 * or when the lease was lost (another instance owns the run now).
 */
public final class RunControl {

    private volatile boolean cancelled;
    private volatile boolean leaseLost;

    public void cancel() {
        cancelled = true;
    }

    public void loseLease() {
        leaseLost = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    public boolean leaseLost() {
        return leaseLost;
    }

    public boolean stopRequested() {
        return cancelled || leaseLost;
    }
}
