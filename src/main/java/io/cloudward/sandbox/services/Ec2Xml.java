package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Ids;
import io.cloudward.sandbox.estate.Instance;
import io.cloudward.sandbox.estate.IpRule;
import io.cloudward.sandbox.estate.Tag;
import io.cloudward.sandbox.estate.Volume;
import io.cloudward.sandbox.protocol.XmlWriter;
import java.util.List;
import java.util.Map;

/** The EC2 XML shapes (locationName and {@code item} lists) shared by the EC2 describe operations. */
final class Ec2Xml {

    private Ec2Xml() {
    }

    /** An instance inside a reservation; a terminated one keeps no addresses, groups or interfaces. */
    static void instance(XmlWriter item, Instance instance, Call call, Map<String, String> groupNames,
                         List<Volume> volumes) {
        boolean terminated = instance.state().equals("terminated");
        item.element("instanceId", instance.id())
                .element("imageId", instance.imageId())
                .start("instanceState").element("code", instance.stateCode()).element("name", instance.state()).end()
                .element("privateDnsName", terminated ? "" : privateDns(instance.privateIp(), call.region()))
                .element("dnsName", instance.publicIp() == null || terminated ? ""
                        : publicDns(instance.publicIp(), call.region()))
                .element("reason", terminated ? "User initiated" : "")
                .element("keyName", instance.keyName())
                .element("amiLaunchIndex", 0)
                .start("productCodes").end()
                .element("instanceType", instance.type())
                .element("launchTime", instance.launched())
                .start("placement").element("availabilityZone", instance.availabilityZone()).element("groupName", "")
                .element("tenancy", "default").end()
                .element("platform", instance.platform())
                .start("monitoring").element("state", "disabled").end();
        if (!terminated) {
            item.element("subnetId", instance.subnetId())
                    .element("vpcId", instance.vpcId())
                    .element("privateIpAddress", instance.privateIp())
                    .element("ipAddress", instance.publicIp());
        }
        item.element("sourceDestCheck", true);
        groups(item, terminated ? List.of() : instance.securityGroups(), groupNames);
        item.element("architecture", "x86_64")
                .element("rootDeviceType", "ebs")
                .element("rootDeviceName", "/dev/xvda")
                .list("blockDeviceMapping", "item", terminated ? List.<Volume>of() : volumes, (mapping, volume) -> mapping
                        .element("deviceName", volume.device())
                        .start("ebs")
                        .element("volumeId", volume.id())
                        .element("status", "attached")
                        .element("attachTime", instance.launched())
                        .element("deleteOnTermination", true)
                        .end())
                .element("virtualizationType", "hvm")
                .element("hypervisor", "xen");
        tags(item, instance.tags());
        if (instance.iamInstanceProfile() != null) {
            item.start("iamInstanceProfile")
                    .element("arn", instance.iamInstanceProfile())
                    .element("id", Ids.ec2("AIPA", instance.iamInstanceProfile()).toUpperCase().replace("-", ""))
                    .end();
        }
        item.start("networkInterfaceSet");
        if (!terminated) {
            String eni = Ec2Service.primaryEni(instance.id());
            item.start("item")
                    .element("networkInterfaceId", eni)
                    .element("subnetId", instance.subnetId())
                    .element("vpcId", instance.vpcId())
                    .element("description", "")
                    .element("ownerId", call.accountId())
                    .element("status", "in-use")
                    .element("macAddress", mac(eni))
                    .element("privateIpAddress", instance.privateIp())
                    .element("privateDnsName", privateDns(instance.privateIp(), call.region()))
                    .element("sourceDestCheck", true)
                    .element("interfaceType", "interface");
            groups(item, instance.securityGroups(), groupNames);
            item.start("attachment")
                    .element("attachmentId", Ids.ec2("eni-attach", eni))
                    .element("deviceIndex", 0)
                    .element("networkCardIndex", 0)
                    .element("status", "attached")
                    .element("attachTime", instance.launched())
                    .element("deleteOnTermination", true)
                    .end();
            if (instance.publicIp() != null) {
                association(item, instance.publicIp(), call.region());
            }
            item.start("privateIpAddressesSet").start("item")
                    .element("privateIpAddress", instance.privateIp())
                    .element("privateDnsName", privateDns(instance.privateIp(), call.region()))
                    .element("primary", true);
            if (instance.publicIp() != null) {
                association(item, instance.publicIp(), call.region());
            }
            item.end().end().end();
        }
        item.end()
                .element("ebsOptimized", false)
                .element("enaSupport", true);
    }


    static void permissions(XmlWriter xml, String name, List<IpRule> rules, String accountId,
                                         Map<String, String> groupNames) {
        xml.list(name, "item", rules, (item, rule) -> {
            item.element("ipProtocol", rule.protocol());
            if (!rule.protocol().equals("-1")) {
                item.element("fromPort", rule.fromPort()).element("toPort", rule.toPort());
            }
            item.list("groups", "item", rule.groups(), (pair, group) -> pair
                    .element("userId", accountId)
                    .element("groupId", group)
                    .element("groupName", groupNames.get(group))
                    .element("description", rule.description()));
            item.list("ipRanges", "item", rule.cidrs(), (range, cidr) -> range
                    .element("cidrIp", cidr).element("description", rule.description()));
            item.list("ipv6Ranges", "item", rule.ipv6Cidrs(), (range, cidr) -> range
                    .element("cidrIpv6", cidr).element("description", rule.description()));
            item.start("prefixListIds").end();
        });
    }


    static void groups(XmlWriter xml, List<String> groupIds, Map<String, String> groupNames) {
        xml.list("groupSet", "item", groupIds, (item, id) -> item
                .element("groupId", id).element("groupName", groupNames.get(id)));
    }


    static void tags(XmlWriter xml, List<Tag> tags) {
        xml.list("tagSet", "item", tags, (item, tag) -> item.element("key", tag.key()).element("value", tag.value()));
    }


    static void association(XmlWriter xml, String publicIp, String region) {
        xml.start("association")
                .element("publicIp", publicIp)
                .element("publicDnsName", publicDns(publicIp, region))
                .element("ipOwnerId", "amazon")
                .end();
    }


    static String kmsKey(Volume volume, Call call) {
        return volume.kmsKeyId() != null ? volume.kmsKeyId()
                : "arn:aws:kms:" + call.region() + ":" + call.accountId() + ":key/" + Ids.uuid(call.accountId(), "aws/ebs");
    }


    static String privateDns(String ip, String region) {
        if (ip == null) {
            return "";
        }
        String domain = region.equals("us-east-1") ? ".ec2.internal" : "." + region + ".compute.internal";
        return "ip-" + ip.replace('.', '-') + domain;
    }


    static String publicDns(String ip, String region) {
        return "ec2-" + ip.replace('.', '-') + (region.equals("us-east-1") ? ".compute-1.amazonaws.com"
                : "." + region + ".compute.amazonaws.com");
    }


    static String mac(String id) {
        String hex = Ids.hex32(id).substring(0, 10);
        return "02:" + hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6) + ":"
                + hex.substring(6, 8) + ":" + hex.substring(8, 10);
    }
}
