package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.AwsRegions;
import io.cloudward.sandbox.estate.Ec2;
import io.cloudward.sandbox.estate.Ids;
import io.cloudward.sandbox.estate.Instance;
import io.cloudward.sandbox.estate.IpRule;
import io.cloudward.sandbox.estate.NetworkInterface;
import io.cloudward.sandbox.estate.SecurityGroup;
import io.cloudward.sandbox.estate.Volume;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Filter;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryParams;
import io.cloudward.sandbox.protocol.QueryResponses;
import io.cloudward.sandbox.protocol.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * EC2 (ec2 query dialect): regions, security groups, network interfaces, instances, volumes and the EBS
 * encryption default, with EC2's filters ({@code Filter.N.Name}/{@code Filter.N.Value.M}, wildcards) and
 * MaxResults/NextToken pagination. Each instance has a primary network interface of its own.
 */
public final class Ec2Service extends QueryService {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private final ServiceContext context;

    public Ec2Service(ServiceContext context) {
        this.context = context;
        register(Operation.of("ec2", "DescribeRegions", Protocol.EC2, this::describeRegions));
        register(Operation.of("ec2", "DescribeSecurityGroups", Protocol.EC2, this::describeSecurityGroups));
        register(Operation.of("ec2", "DescribeNetworkInterfaces", Protocol.EC2, this::describeNetworkInterfaces));
        register(Operation.of("ec2", "DescribeInstances", Protocol.EC2, this::describeInstances));
        register(Operation.of("ec2", "DescribeVolumes", Protocol.EC2, this::describeVolumes));
        register(Operation.of("ec2", "GetEbsEncryptionByDefault", Protocol.EC2, this::getEbsEncryptionByDefault));
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return Protocol.EC2;
    }

    @Override
    public String xmlNamespace() {
        return NAMESPACE;
    }

    private record RegionEntry(String name, String optInStatus) {
    }

    private Response describeRegions(Call call) {
        QueryParams params = dryRunChecked(call);
        List<String> enabled = context.estate().exists(call.accountId())
                ? context.estate().enabledRegions(call.accountId()) : AwsRegions.ALL;
        boolean all = params.flag("AllRegions");
        List<RegionEntry> regions = new ArrayList<>();
        for (String region : AwsRegions.ALL) {
            String status = !AwsRegions.isOptIn(region) ? "opt-in-not-required"
                    : enabled.contains(region) ? "opted-in" : "not-opted-in";
            if (all || enabled.contains(region)) {
                regions.add(new RegionEntry(region, status));
            }
        }
        List<String> names = params.list("RegionName");
        for (String name : names) {
            if (!AwsRegions.exists(name)) {
                throw new AwsError("InvalidParameterValue", 400, "Invalid region: " + name);
            }
        }
        if (!names.isEmpty()) {
            regions.removeIf(region -> !names.contains(region.name()));
        }
        ResourceFilters<RegionEntry> filters = new ResourceFilters<RegionEntry>(null)
                .single("region-name", RegionEntry::name)
                .single("opt-in-status", RegionEntry::optInStatus)
                .single("endpoint", region -> endpoint(region.name()));
        List<RegionEntry> kept = filters.apply(regions, params.filters("Filter", "Value"), "InvalidParameterValue");
        return QueryResponses.ec2("DescribeRegions", NAMESPACE, call.requestId(), xml -> xml
                .list("regionInfo", "item", kept, (item, region) -> item
                        .element("regionName", region.name())
                        .element("regionEndpoint", endpoint(region.name()))
                        .element("optInStatus", region.optInStatus())));
    }

    private Response describeSecurityGroups(Call call) {
        QueryParams params = dryRunChecked(call);
        Ec2 ec2 = call.regionView().spec().ec2OrEmpty();
        List<SecurityGroup> groups = byIds(ec2.securityGroups(), SecurityGroup::id, params.list("GroupId"),
                "InvalidGroup.NotFound", "The security group '%s' does not exist");
        List<String> names = params.list("GroupName");
        if (!names.isEmpty()) {
            groups = byIds(groups, SecurityGroup::name, names, "InvalidGroup.NotFound",
                    "The security group '%s' does not exist in default VPC '"
                            + Ids.vpc(call.accountId(), call.region()) + "'");
        }
        ResourceFilters<SecurityGroup> filters = new ResourceFilters<SecurityGroup>(SecurityGroup::tags)
                .single("group-id", SecurityGroup::id)
                .single("group-name", SecurityGroup::name)
                .single("description", SecurityGroup::description)
                .single("vpc-id", SecurityGroup::vpcId)
                .single("owner-id", group -> call.accountId())
                .field("ip-permission.cidr", group -> flat(group.ingress(), IpRule::cidrs))
                .field("ip-permission.ipv6-cidr", group -> flat(group.ingress(), IpRule::ipv6Cidrs))
                .field("ip-permission.group-id", group -> flat(group.ingress(), IpRule::groups))
                .field("ip-permission.protocol", group -> group.ingress().stream().map(IpRule::protocol).toList())
                .field("ip-permission.from-port", group -> ports(group.ingress(), IpRule::fromPort))
                .field("ip-permission.to-port", group -> ports(group.ingress(), IpRule::toPort))
                .field("egress.ip-permission.cidr", group -> flat(group.egress(), IpRule::cidrs));
        List<SecurityGroup> kept = filters.apply(groups, params.filters("Filter", "Value"), "InvalidParameterValue");
        PageToken.Page<SecurityGroup> page = page(call, kept, params, !params.list("GroupId").isEmpty(), 1000);
        Map<String, String> groupNames = ec2.securityGroups().stream()
                .collect(Collectors.toMap(SecurityGroup::id, SecurityGroup::name, (a, b) -> a));
        return QueryResponses.ec2("DescribeSecurityGroups", NAMESPACE, call.requestId(), xml -> {
            xml.list("securityGroupInfo", "item", page.items(), (item, group) -> {
                item.element("ownerId", call.accountId())
                        .element("groupId", group.id())
                        .element("groupName", group.name())
                        .element("groupDescription", group.description())
                        .element("vpcId", group.vpcId());
                Ec2Xml.permissions(item, "ipPermissions", group.ingress(), call.accountId(), groupNames);
                Ec2Xml.permissions(item, "ipPermissionsEgress", group.egress(), call.accountId(), groupNames);
                Ec2Xml.tags(item, group.tags());
                item.element("securityGroupArn",
                        "arn:aws:ec2:" + call.region() + ":" + call.accountId() + ":security-group/" + group.id());
            });
            xml.element("nextToken", page.nextToken());
        });
    }

    private Response describeNetworkInterfaces(Call call) {
        QueryParams params = dryRunChecked(call);
        Ec2 ec2 = call.regionView().spec().ec2OrEmpty();
        Map<String, String> groupNames = groupNames(ec2);
        List<NetworkInterface> all = networkInterfaces(ec2, call.accountId(), call.region());
        List<NetworkInterface> interfaces = byIds(all, NetworkInterface::id, params.list("NetworkInterfaceId"),
                "InvalidNetworkInterfaceID.NotFound", "The networkInterface ID '%s' does not exist");
        ResourceFilters<NetworkInterface> filters = new ResourceFilters<NetworkInterface>(NetworkInterface::tags)
                .single("network-interface-id", NetworkInterface::id)
                .field("group-id", NetworkInterface::securityGroups)
                .field("group-name", eni -> eni.securityGroups().stream().map(groupNames::get).toList())
                .single("vpc-id", NetworkInterface::vpcId)
                .single("subnet-id", NetworkInterface::subnetId)
                .single("availability-zone", NetworkInterface::availabilityZone)
                .single("status", NetworkInterface::status)
                .single("interface-type", NetworkInterface::interfaceType)
                .single("description", NetworkInterface::description)
                .single("requester-managed", NetworkInterface::requesterManaged)
                .single("owner-id", eni -> call.accountId())
                .single("attachment.instance-id", NetworkInterface::instanceId)
                .single("association.public-ip", NetworkInterface::publicIp)
                .single("private-ip-address", NetworkInterface::privateIp)
                .single("addresses.private-ip-address", NetworkInterface::privateIp);
        List<NetworkInterface> kept = filters.apply(interfaces, params.filters("Filter", "Value"),
                "InvalidParameterValue");
        PageToken.Page<NetworkInterface> page = page(call, kept, params,
                !params.list("NetworkInterfaceId").isEmpty(), 1000);
        return QueryResponses.ec2("DescribeNetworkInterfaces", NAMESPACE, call.requestId(), xml -> {
            xml.list("networkInterfaceSet", "item", page.items(), (item, eni) -> {
                item.element("networkInterfaceId", eni.id())
                        .element("subnetId", eni.subnetId())
                        .element("vpcId", eni.vpcId())
                        .element("availabilityZone", eni.availabilityZone())
                        .element("description", eni.description())
                        .element("ownerId", call.accountId())
                        .element("requesterManaged", eni.requesterManaged())
                        .element("status", eni.status())
                        .element("macAddress", Ec2Xml.mac(eni.id()))
                        .element("privateIpAddress", eni.privateIp())
                        .element("privateDnsName", Ec2Xml.privateDns(eni.privateIp(), call.region()))
                        .element("sourceDestCheck", true)
                        .element("interfaceType", eni.interfaceType());
                Ec2Xml.groups(item, eni.securityGroups(), groupNames);
                if (eni.instanceId() != null) {
                    item.start("attachment")
                            .element("attachmentId", Ids.ec2("eni-attach", eni.id()))
                            .element("instanceId", eni.instanceId())
                            .element("instanceOwnerId", call.accountId())
                            .element("deviceIndex", 0)
                            .element("networkCardIndex", 0)
                            .element("status", "attached")
                            .element("deleteOnTermination", true)
                            .end();
                }
                if (eni.publicIp() != null) {
                    Ec2Xml.association(item, eni.publicIp(), call.region());
                }
                item.start("privateIpAddressesSet").start("item")
                        .element("privateIpAddress", eni.privateIp())
                        .element("privateDnsName", Ec2Xml.privateDns(eni.privateIp(), call.region()))
                        .element("primary", true);
                if (eni.publicIp() != null) {
                    Ec2Xml.association(item, eni.publicIp(), call.region());
                }
                item.end().end();
                item.start("ipv6AddressesSet").end();
                Ec2Xml.tags(item, eni.tags());
            });
            xml.element("nextToken", page.nextToken());
        });
    }

    private Response describeInstances(Call call) {
        QueryParams params = dryRunChecked(call);
        Ec2 ec2 = call.regionView().spec().ec2OrEmpty();
        Map<String, String> groupNames = groupNames(ec2);
        List<Instance> instances = byIds(ec2.instances(), Instance::id, params.list("InstanceId"),
                "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist");
        ResourceFilters<Instance> filters = new ResourceFilters<Instance>(Instance::tags)
                .single("instance-id", Instance::id)
                .single("instance-state-name", Instance::state)
                .single("instance-state-code", Instance::stateCode)
                .single("instance-type", Instance::type)
                .single("image-id", Instance::imageId)
                .single("key-name", Instance::keyName)
                .single("vpc-id", Instance::vpcId)
                .single("subnet-id", Instance::subnetId)
                .single("availability-zone", Instance::availabilityZone)
                .single("owner-id", instance -> call.accountId())
                .single("ip-address", Instance::publicIp)
                .single("private-ip-address", Instance::privateIp)
                .single("network-interface.addresses.association.public-ip", Instance::publicIp)
                .single("network-interface.network-interface-id", instance -> primaryEni(instance.id()))
                .field("instance.group-id", Instance::securityGroups)
                .field("instance.group-name", instance -> instance.securityGroups().stream().map(groupNames::get).toList())
                .single("iam-instance-profile.arn", Instance::iamInstanceProfile)
                .single("platform", Instance::platform);
        List<Instance> kept = filters.apply(instances, params.filters("Filter", "Value"), "InvalidParameterValue");
        PageToken.Page<Instance> page = page(call, kept, params, !params.list("InstanceId").isEmpty(), 1000);
        Map<String, List<Volume>> volumesByInstance = ec2.volumes().stream().filter(v -> v.instanceId() != null)
                .collect(Collectors.groupingBy(Volume::instanceId));
        return QueryResponses.ec2("DescribeInstances", NAMESPACE, call.requestId(), xml -> {
            xml.list("reservationSet", "item", page.items(), (reservation, instance) -> {
                reservation.element("reservationId", Ids.ec2("r", instance.id()))
                        .element("ownerId", call.accountId())
                        .start("groupSet").end()
                        .list("instancesSet", "item", List.of(instance), (item, i) ->
                                Ec2Xml.instance(item, i, call, groupNames,
                                        volumesByInstance.getOrDefault(i.id(), List.of())));
            });
            xml.element("nextToken", page.nextToken());
        });
    }

    private Response describeVolumes(Call call) {
        QueryParams params = dryRunChecked(call);
        Ec2 ec2 = call.regionView().spec().ec2OrEmpty();
        List<Volume> volumes = byIds(ec2.volumes(), Volume::id, params.list("VolumeId"),
                "InvalidVolume.NotFound", "The volume '%s' does not exist.");
        ResourceFilters<Volume> filters = new ResourceFilters<Volume>(Volume::tags)
                .single("volume-id", Volume::id)
                .single("status", Volume::state)
                .single("encrypted", Volume::encrypted)
                .single("volume-type", Volume::type)
                .single("size", Volume::size)
                .single("availability-zone", Volume::availabilityZone)
                .single("attachment.instance-id", Volume::instanceId)
                .single("attachment.device", Volume::device)
                .single("attachment.status", volume -> volume.instanceId() == null ? null : "attached");
        List<Volume> kept = filters.apply(volumes, params.filters("Filter", "Value"), "InvalidParameterValue");
        PageToken.Page<Volume> page = page(call, kept, params, !params.list("VolumeId").isEmpty(), 500, true);
        return QueryResponses.ec2("DescribeVolumes", NAMESPACE, call.requestId(), xml -> {
            xml.list("volumeSet", "item", page.items(), (item, volume) -> {
                item.element("volumeId", volume.id())
                        .element("size", volume.size())
                        .element("snapshotId", "")
                        .element("availabilityZone", volume.availabilityZone())
                        .element("status", volume.state())
                        .element("createTime", volume.created())
                        .list("attachmentSet", "item", volume.instanceId() == null ? List.<Volume>of() : List.of(volume),
                                (attachment, v) -> attachment
                                        .element("volumeId", v.id())
                                        .element("instanceId", v.instanceId())
                                        .element("device", v.device())
                                        .element("status", "attached")
                                        .element("attachTime", v.created())
                                        .element("deleteOnTermination", true))
                        .element("volumeType", volume.type())
                        .element("iops", volume.type().startsWith("gp") ? Math.max(3000, volume.size() * 3) : null)
                        .element("encrypted", volume.encrypted())
                        .element("kmsKeyId", volume.encrypted() ? Ec2Xml.kmsKey(volume, call) : null)
                        .element("multiAttachEnabled", false)
                        .element("throughput", volume.type().equals("gp3") ? 125 : null);
                Ec2Xml.tags(item, volume.tags());
            });
            xml.element("nextToken", page.nextToken());
        });
    }

    private Response getEbsEncryptionByDefault(Call call) {
        dryRunChecked(call);
        boolean enabled = call.regionView().spec().ec2OrEmpty().ebsEncryptionByDefault();
        return QueryResponses.ec2("GetEbsEncryptionByDefault", NAMESPACE, call.requestId(), xml -> xml
                .element("ebsEncryptionByDefault", enabled)
                .element("sseType", enabled ? "sse-ebs" : "none"));
    }

    /** EC2's DryRun answer: the caller may make the call (the pipeline checked), so it "would have succeeded". */
    private static QueryParams dryRunChecked(Call call) {
        QueryParams params = call.request().form();
        if (params.flag("DryRun")) {
            throw new AwsError("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
        return params;
    }

    private static <T> List<T> byIds(List<T> items, Function<T, String> id, List<String> wanted, String code,
                                     String message) {
        if (wanted.isEmpty()) {
            return items;
        }
        List<T> found = new ArrayList<>();
        for (String want : wanted) {
            T match = items.stream().filter(item -> want.equals(id.apply(item))).findFirst()
                    .orElseThrow(() -> new AwsError(code, 400, message.formatted(want)));
            found.add(match);
        }
        return found;
    }

    private static <T> PageToken.Page<T> page(Call call, List<T> items, QueryParams params, boolean byIds, int max) {
        return page(call, items, params, byIds, max, false);
    }

    /**
     * A MaxResults/NextToken page. DescribeVolumes serves at most {@code max} for a larger MaxResults (the
     * CLI asks for 1000); the other operations refuse a MaxResults outside 5–{@code max}.
     */
    private static <T> PageToken.Page<T> page(Call call, List<T> items, QueryParams params, boolean byIds, int max,
                                              boolean capAtMax) {
        Integer requested = params.integer("MaxResults", "InvalidParameterValue");
        Integer maxResults = capAtMax && requested != null ? Integer.valueOf(Math.min(requested, max)) : requested;
        if (maxResults != null && byIds) {
            throw new AwsError("InvalidParameterCombination", 400,
                    "The parameter MaxResults cannot be used with explicit resource IDs");
        }
        if (maxResults != null && (maxResults < 5 || maxResults > max)) {
            throw new AwsError("InvalidParameterValue", 400, "Value ( " + maxResults
                    + " ) for parameter maxResults is invalid. Expecting a value between 5 and " + max + ".");
        }
        String fingerprint = params.get("Action") + "|" + call.accountId() + "|" + call.region() + "|"
                + params.filters("Filter", "Value");
        return PageToken.page(items, params.get("NextToken"), maxResults == null ? Integer.MAX_VALUE : maxResults,
                fingerprint, () -> new AwsError("InvalidNextToken", 400, "The token '" + params.get("NextToken")
                        + "' is invalid."));
    }

    static List<NetworkInterface> networkInterfaces(Ec2 ec2, String accountId, String region) {
        List<NetworkInterface> interfaces = new ArrayList<>();
        for (Instance instance : ec2.instances()) {
            if (!instance.state().equals("terminated")) {
                interfaces.add(new NetworkInterface(primaryEni(instance.id()), "", "interface", "in-use",
                        instance.vpcId(), instance.subnetId(), instance.availabilityZone(), instance.privateIp(),
                        instance.publicIp(), instance.securityGroups(), instance.id(), false, List.of()));
            }
        }
        interfaces.addAll(ec2.networkInterfaces());
        return interfaces;
    }

    static String primaryEni(String instanceId) {
        return Ids.ec2("eni", instanceId, "primary");
    }

    private static Map<String, String> groupNames(Ec2 ec2) {
        return ec2.securityGroups().stream()
                .collect(Collectors.toMap(SecurityGroup::id, SecurityGroup::name, (a, b) -> a));
    }

    private static List<String> flat(List<IpRule> rules, Function<IpRule, List<String>> values) {
        return rules.stream().flatMap(rule -> values.apply(rule).stream()).toList();
    }

    private static List<String> ports(List<IpRule> rules, Function<IpRule, Integer> port) {
        return rules.stream().map(port).filter(p -> p != null).map(String::valueOf).toList();
    }

    private static String endpoint(String region) {
        return "ec2." + region + ".amazonaws.com";
    }

}
