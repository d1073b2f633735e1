package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * What one region of an account holds. A {@code null} section means "nothing of that kind" in a region
 * block, and "take it from the account's {@code allRegions}" when merged.
 */
public record RegionSpec(GuardDuty guardduty, ConfigSetup config, Ec2 ec2, List<DbInstance> rds, Backup backup,
                         List<TrailEvent> events, Activity activity) {

    public static final RegionSpec EMPTY = new RegionSpec(null, null, null, null, null, null, null);

    /** This region's sections, each falling back to the template's when absent here. */
    public RegionSpec over(RegionSpec template) {
        return new RegionSpec(
                guardduty != null ? guardduty : template.guardduty,
                config != null ? config : template.config,
                ec2 != null ? ec2 : template.ec2,
                rds != null ? rds : template.rds,
                backup != null ? backup : template.backup,
                events != null ? events : template.events,
                activity != null ? activity : template.activity);
    }

    public Ec2 ec2OrEmpty() {
        return ec2 == null ? Ec2.EMPTY : ec2;
    }

    public List<DbInstance> rdsOrEmpty() {
        return rds == null ? List.of() : rds;
    }

    public Backup backupOrEmpty() {
        return backup == null ? Backup.EMPTY : backup;
    }

    public ConfigSetup configOrEmpty() {
        return config == null ? ConfigSetup.EMPTY : config;
    }

    public List<TrailEvent> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }
}
