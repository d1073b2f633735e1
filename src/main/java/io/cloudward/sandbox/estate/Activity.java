package io.cloudward.sandbox.estate;

/**
 * How busy a region is as the sandbox clock advances: rates of new, repeated and archived GuardDuty
 * findings, routine CloudTrail events, and the share of scheduled backup jobs that fail.
 */
public record Activity(double findingsPerDay, double recurrencesPerDay, double archivalsPerDay,
                       double eventsPerHour, double backupFailureRate) {

    public static final Activity NONE = new Activity(0, 0, 0, 0, 0);

    public Activity {
        if (findingsPerDay < 0 || recurrencesPerDay < 0 || archivalsPerDay < 0 || eventsPerHour < 0
                || backupFailureRate < 0 || backupFailureRate > 1) {
            throw new IllegalArgumentException("activity rates must be positive (backupFailureRate 0–1)");
        }
    }
}
