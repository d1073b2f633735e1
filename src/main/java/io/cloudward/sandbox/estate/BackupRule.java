package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * A rule of a backup plan.
 *
 * @param schedule        cron expression; daily rules ({@code cron(0 5 ? * * *)}) run as the clock advances
 * @param copyToVaultArns vaults (possibly in another account) that receive a copy of each recovery point
 */
public record BackupRule(String id, String name, String vault, String schedule, Long deleteAfterDays,
                         Long moveToColdStorageAfterDays, List<String> copyToVaultArns) {

    public BackupRule {
        if (name == null || vault == null) {
            throw new IllegalArgumentException("a backup rule needs a name and a target vault");
        }
        schedule = schedule == null ? "cron(0 5 ? * * *)" : schedule;
        copyToVaultArns = Lists.orEmpty(copyToVaultArns);
    }

    public BackupRule withId(String newId) {
        return new BackupRule(newId, name, vault, schedule, deleteAfterDays, moveToColdStorageAfterDays,
                copyToVaultArns);
    }

    /** The UTC hour of a daily cron schedule ({@code cron(M H ...)}), or -1 when it is not a daily one. */
    public int dailyHourUtc() {
        String[] fields = schedule.replace("cron(", "").replace(")", "").trim().split("\\s+");
        if (fields.length != 6 || !fields[1].matches("\\d{1,2}") || !fields[3].equals("*")) {
            return -1;
        }
        return Integer.parseInt(fields[1]);
    }
}
