package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/**
 * One account × region at one hour of the sandbox clock: its static contents plus the findings, backup
 * jobs and recovery points as they stand at that hour. Immutable; services read it without locking.
 *
 * @param anchor the moment the estate was loaded; hours count from it
 */
public record RegionView(Account account, String region, RegionSpec spec, List<Finding> findings,
                         List<BackupJob> backupJobs, List<RecoveryPoint> recoveryPoints, Instant anchor,
                         RoutineEvents routineEvents) {

    public String accountId() {
        return account.id();
    }

    public boolean hasRoutineEvents() {
        return routineEvents.any();
    }

    /** Routine management events of hour {@code hour} (counted from the anchor), oldest first. */
    public List<TrailEvent> routineEvents(long hour) {
        return routineEvents.forHour(hour);
    }
}
