package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * One security group from DescribeSecurityGroups with the network interfaces that use it
 * (from {@link AttachmentIndex#forGroup(String)}).
 *
 * @param groupId     GroupId
 * @param groupName   GroupName
 * @param vpcId       VpcId, empty for EC2-Classic leftovers
 * @param region      its region
 * @param ownerId     OwnerId (the account)
 * @param ingress     IpPermissions
 * @param attachments interfaces whose Groups include this group
 */
public record SecurityGroupFacts(String groupId, String groupName, Optional<String> vpcId, String region,
                                 String ownerId, List<IngressPermission> ingress,
                                 List<NetworkAttachment> attachments) {

    public SecurityGroupFacts {
        Facts.text(groupId, "security group id");
        Facts.text(groupName, "security group name");
        Facts.present(vpcId, "VPC id");
        Facts.text(region, "security group region");
        Facts.text(ownerId, "security group owner");
        ingress = Facts.list(ingress, "ingress permissions");
        attachments = Facts.list(attachments, "attachments");
    }

    public String arn() {
        return Arns.of("ec2", region, ownerId, "security-group/" + groupId);
    }

    /** "sg-0abc (web-prod)". */
    public String label() {
        return groupId + " (" + groupName + ")";
    }

    /**
     * One IpPermissions entry.
     *
     * @param ipProtocol IpProtocol: tcp, udp, icmp, icmpv6, a protocol number, or -1 for all traffic
     * @param fromPort   FromPort, absent for -1 (for ICMP it is the ICMP type)
     * @param toPort     ToPort, absent for -1 (for ICMP it is the ICMP code)
     * @param ipv4Ranges IpRanges[].CidrIp
     * @param ipv6Ranges Ipv6Ranges[].CidrIpv6
     */
    public record IngressPermission(String ipProtocol, Optional<Integer> fromPort, Optional<Integer> toPort,
                                    List<String> ipv4Ranges, List<String> ipv6Ranges) {
        public IngressPermission {
            Facts.text(ipProtocol, "IpProtocol");
            Facts.present(fromPort, "FromPort");
            Facts.present(toPort, "ToPort");
            ipv4Ranges = Facts.list(ipv4Ranges, "IpRanges");
            ipv6Ranges = Facts.list(ipv6Ranges, "Ipv6Ranges");
        }

        public static IngressPermission tcp(int fromPort, int toPort, String... cidrs) {
            return ports("tcp", fromPort, toPort, cidrs);
        }

        public static IngressPermission udp(int fromPort, int toPort, String... cidrs) {
            return ports("udp", fromPort, toPort, cidrs);
        }

        /** IpProtocol -1: every protocol and port. */
        public static IngressPermission allTraffic(String... cidrs) {
            return new IngressPermission("-1", Optional.empty(), Optional.empty(), ipv4(cidrs), ipv6(cidrs));
        }

        private static IngressPermission ports(String protocol, int fromPort, int toPort, String... cidrs) {
            return new IngressPermission(protocol, Optional.of(fromPort), Optional.of(toPort), ipv4(cidrs), ipv6(cidrs));
        }

        private static List<String> ipv4(String... cidrs) {
            return List.of(cidrs).stream().filter(cidr -> !cidr.contains(":")).toList();
        }

        private static List<String> ipv6(String... cidrs) {
            return List.of(cidrs).stream().filter(cidr -> cidr.contains(":")).toList();
        }
    }
}
