package io.cloudward.collect.snapshot;

import java.util.List;

/**
 * Running EC2 instances in one region (DescribeInstances with instance-state-name=running), summarised so
 * a region with thousands of instances stays one small record.
 *
 * @param region           the region
 * @param runningCount     how many instances are running
 * @param sampleInstanceIds a few of their ids, newest launches first, to name in the finding
 */
public record RunningInstances(String region, int runningCount, List<String> sampleInstanceIds) {

    public RunningInstances {
        Facts.text(region, "instances region");
        Facts.atLeast(runningCount, 0, "running instance count");
        sampleInstanceIds = Facts.list(sampleInstanceIds, "sample instance ids");
        if (sampleInstanceIds.size() > runningCount) {
            throw new IllegalArgumentException("More sample instances (" + sampleInstanceIds.size()
                    + ") than running instances (" + runningCount + ") in " + region);
        }
    }
}
