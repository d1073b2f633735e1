package io.cloudward.collect;

/** Where a run stands; the last four are final. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED, CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
