package io.cloudward.collect.exposure;

import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceIpv6Address;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/** EC2 answers to snapshot records. */
final class Ec2Mapping {

    private Ec2Mapping() {
    }

    static NetworkAttachment attachment(String region, NetworkInterface eni) {
        return new NetworkAttachment(eni.networkInterfaceId(), region,
                eni.groups().stream().map(GroupIdentifier::groupId).toList(),
                Optional.ofNullable(eni.association()).map(NetworkInterfaceAssociation::publicIp),
                eni.ipv6Addresses().stream().map(NetworkInterfaceIpv6Address::ipv6Address).toList(),
                Optional.ofNullable(eni.attachment()).map(NetworkInterfaceAttachment::instanceId),
                eni.interfaceType() == null ? "interface" : eni.interfaceTypeAsString(),
                eni.description() == null ? "" : eni.description());
    }

    static SecurityGroupFacts securityGroup(String region, SecurityGroup group, List<NetworkAttachment> attachments) {
        return new SecurityGroupFacts(group.groupId(), group.groupName(), Optional.ofNullable(group.vpcId()), region,
                group.ownerId(), group.ipPermissions().stream().map(Ec2Mapping::ingress).toList(), attachments);
    }

    static SecurityGroupFacts.IngressPermission ingress(IpPermission permission) {
        return new SecurityGroupFacts.IngressPermission(permission.ipProtocol(), Optional.ofNullable(permission.fromPort()),
                Optional.ofNullable(permission.toPort()), permission.ipRanges().stream().map(IpRange::cidrIp).toList(),
                permission.ipv6Ranges().stream().map(Ipv6Range::cidrIpv6).toList());
    }
}
