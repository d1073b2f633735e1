package io.cloudward.collect.snapshot;

import java.util.List;

/**
 * Backup plans across the covered regions, for "does the account back anything up at all".
 *
 * @param regions the regions that were asked (so a sentence can say where nothing was found)
 * @param plans   every plan found in those regions
 */
public record AccountBackupPlans(List<String> regions, List<BackupPlanFacts> plans) {

    public AccountBackupPlans {
        regions = Facts.list(regions, "backup regions");
        plans = Facts.list(plans, "backup plans");
    }
}
