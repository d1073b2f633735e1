package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * What one region of an account holds; an absent section means nothing of that kind (no GuardDuty
 * section: no detector).
 */
public record RegionSpec(GuardDuty guardduty, ConfigSetup config, Ec2 ec2, List<DbInstance> rds, Backup backup,
                         List<TrailEvent> events, Activity activity) {

    public static final RegionSpec EMPTY = new RegionSpec(null, null, null, null, null, null, null);

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
