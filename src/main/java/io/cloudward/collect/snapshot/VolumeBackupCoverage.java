package io.cloudward.collect.snapshot;

import java.util.Optional;

/**
 * An EBS volume with its AWS Backup protected-resource entry, looked up by the volume's ARN in a per-region
 * map built from ListProtectedResources.
 */
public record VolumeBackupCoverage(VolumeFacts volume, Optional<ProtectedResourceFacts> protection) {

    public VolumeBackupCoverage {
        Facts.present(volume, "volume");
        Facts.present(protection, "volume protection");
    }
}
