package io.cloudward.sandbox.estate;

import java.util.List;

/** AWS Backup in a region: vaults, plans, the job history and the recovery points kept. */
public record Backup(List<BackupVault> vaults, List<BackupPlan> plans, List<BackupJob> jobs,
                     List<RecoveryPoint> recoveryPoints) {

    public static final Backup EMPTY = new Backup(null, null, null, null);

    public Backup {
        vaults = Lists.orEmpty(vaults);
        plans = Lists.orEmpty(plans);
        jobs = Lists.orEmpty(jobs);
        recoveryPoints = Lists.orEmpty(recoveryPoints);
    }

    public boolean hasVault(String name) {
        return vaults.stream().anyMatch(vault -> vault.name().equals(name));
    }
}
