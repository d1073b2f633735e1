package io.cloudward.collect.snapshot;

import java.util.List;

/**
 * One EBS volume from DescribeVolumes.
 *
 * @param volumeId            VolumeId
 * @param region              its region
 * @param ownerAccountId      the account
 * @param sizeGiB             Size
 * @param state               State, e.g. in-use, available
 * @param attachedInstanceIds Attachments[].InstanceId
 */
public record VolumeFacts(String volumeId, String region, String ownerAccountId, int sizeGiB, String state,
                          List<String> attachedInstanceIds) {

    public VolumeFacts {
        Facts.text(volumeId, "volume id");
        Facts.text(region, "volume region");
        Facts.text(ownerAccountId, "volume owner");
        Facts.atLeast(sizeGiB, 1, "volume size");
        Facts.text(state, "volume state");
        attachedInstanceIds = Facts.list(attachedInstanceIds, "volume attachments");
    }

    public String arn() {
        return Arns.of("ec2", region, ownerAccountId, "volume/" + volumeId);
    }
}
