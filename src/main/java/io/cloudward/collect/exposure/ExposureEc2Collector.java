package io.cloudward.collect.exposure;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.snapshot.AttachmentIndex;
import io.cloudward.collect.snapshot.EbsEncryptionDefaults;
import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.RunningInstances;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Security groups with the network interfaces they are attached to (exposed vs merely permissive), the
 * running instances of the region as a count, and EBS encryption by default.
 */
public final class ExposureEc2Collector extends AwsSourceCollector {

    /** EC2's largest page for these Describe calls. */
    private static final int PAGE = 1000;
    /** How many running instances a RunningInstances record names. */
    private static final int SAMPLE = 5;

    @Override
    public Source source() {
        return Source.EXPOSURE_EC2;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        Ec2Client ec2 = run.clients().ec2(run.sdkRegion());
        AttachmentIndex attachments = attachments(run, ec2);
        String token = null;
        do {
            String pageToken = token;
            DescribeSecurityGroupsResponse page = run.call("ec2:DescribeSecurityGroups",
                    () -> ec2.describeSecurityGroups(request -> request.maxResults(PAGE).nextToken(pageToken)));
            for (SecurityGroup group : page.securityGroups()) {
                sink.snapshot(Ec2Mapping.securityGroup(run.region(), group, attachments.forGroup(group.groupId())));
            }
            run.seen(page.securityGroups().size());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        sink.snapshot(runningInstances(run, ec2));
        boolean encrypted = Boolean.TRUE.equals(run.call("ec2:GetEbsEncryptionByDefault",
                () -> ec2.getEbsEncryptionByDefault(request -> { }).ebsEncryptionByDefault()));
        sink.snapshot(new EbsEncryptionDefaults(run.region(), encrypted, Optional.empty()));
    }

    /**
     * The one aggregate this source keeps: the region's network interfaces by security group, so each group
     * streams out with its attachments. It holds only the few fields of {@link NetworkAttachment}, one entry
     * per interface, which is far smaller than the groups themselves.
     */
    private static AttachmentIndex attachments(SourceRun run, Ec2Client ec2) {
        List<NetworkAttachment> all = new ArrayList<>();
        String token = null;
        do {
            String pageToken = token;
            DescribeNetworkInterfacesResponse page = run.call("ec2:DescribeNetworkInterfaces",
                    () -> ec2.describeNetworkInterfaces(request -> request.maxResults(PAGE).nextToken(pageToken)));
            page.networkInterfaces().forEach(eni -> all.add(Ec2Mapping.attachment(run.region(), eni)));
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return AttachmentIndex.of(all);
    }

    /** Counts running instances and keeps the newest few ids, never the whole list. */
    private static RunningInstances runningInstances(SourceRun run, Ec2Client ec2) {
        PriorityQueue<Instance> newest = new PriorityQueue<>(Comparator.comparing(Instance::launchTime,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        int running = 0;
        String token = null;
        do {
            String pageToken = token;
            DescribeInstancesResponse page = run.call("ec2:DescribeInstances", () -> ec2.describeInstances(request -> request
                    .filters(Filter.builder().name("instance-state-name").values("running").build())
                    .maxResults(PAGE).nextToken(pageToken)));
            for (Reservation reservation : page.reservations()) {
                for (Instance instance : reservation.instances()) {
                    running++;
                    newest.add(instance);
                    if (newest.size() > SAMPLE) {
                        newest.poll();
                    }
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        run.seen(running);
        List<String> sample = newest.stream().sorted(Comparator.comparing(Instance::launchTime,
                Comparator.nullsLast(Comparator.reverseOrder()))).map(Instance::instanceId).toList();
        return new RunningInstances(run.region(), running, sample);
    }
}
