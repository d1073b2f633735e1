package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.VolumeBackupCoverage;
import io.cloudward.collect.snapshot.VolumeFacts;

/** Every EBS volume has at least one AWS Backup recovery point; EC2 does not back up disks by itself. */
public final class EbsVolumeBackedUp extends AbstractCheck<VolumeBackupCoverage> {

    public EbsVolumeBackedUp() {
        super(VolumeBackupCoverage.class);
    }

    @Override
    public CheckResult evaluate(VolumeBackupCoverage coverage, CheckContext context) {
        VolumeFacts volume = coverage.volume();
        var resource = BackupResources.of("EBS", volume.arn(), volume.region(), context.accountId());
        var evidence = Evidence.with("protected", coverage.protection().isPresent())
                .and("lastBackupTime", coverage.protection().flatMap(p -> p.lastBackupTime()))
                .and("attachedInstances", volume.attachedInstanceIds()).and("sizeGiB", volume.sizeGiB()).build();
        String label = "EBS volume " + volume.volumeId() + " (" + volume.sizeGiB() + " GiB, " + volume.region()
                + (volume.attachedInstanceIds().isEmpty() ? ", not attached" : ", attached to " + Phrases.list(volume.attachedInstanceIds(), 2)) + ")";
        return coverage.protection()
                .map(protection -> pass(resource, label + " is protected by AWS Backup"
                        + Coverage.lastBackup(protection, context.now()) + ".", evidence))
                .orElseGet(() -> fail(resource, label + " has never been backed up by AWS Backup, so losing or "
                        + "deleting it loses its data. Add it to a backup plan (for example by tagging it for the "
                        + "plan's resource selection).", evidence));
    }
}
