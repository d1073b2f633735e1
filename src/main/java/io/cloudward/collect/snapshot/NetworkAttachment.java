package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * One network interface from DescribeNetworkInterfaces, reduced to what exposure checks need.
 *
 * @param networkInterfaceId NetworkInterfaceId
 * @param region             its region
 * @param groupIds           Groups[].GroupId
 * @param publicIp           Association.PublicIp (auto-assigned or Elastic IP), empty when none
 * @param ipv6Addresses      Ipv6Addresses[].Ipv6Address (globally routable in AWS)
 * @param instanceId         Attachment.InstanceId, empty for ENIs of load balancers, Lambda, RDS…
 * @param interfaceType      InterfaceType, e.g. interface, network_load_balancer, lambda
 * @param description        Description (may be empty), e.g. "ELB app/web/123" or "RDSNetworkInterface"
 */
public record NetworkAttachment(String networkInterfaceId, String region, List<String> groupIds,
                                Optional<String> publicIp, List<String> ipv6Addresses, Optional<String> instanceId,
                                String interfaceType, String description) {

    public NetworkAttachment {
        Facts.text(networkInterfaceId, "network interface id");
        Facts.text(region, "network interface region");
        groupIds = Facts.list(groupIds, "network interface groups");
        Facts.present(publicIp, "public IP");
        ipv6Addresses = Facts.list(ipv6Addresses, "IPv6 addresses");
        Facts.present(instanceId, "instance id");
        Facts.text(interfaceType, "interface type");
        description = Facts.present(description, "network interface description");
    }

    /** How a person recognises it: the instance id if any, else the interface id with its description. */
    public String label() {
        return instanceId.orElseGet(() -> description.isBlank()
                ? networkInterfaceId : networkInterfaceId + " (" + description + ")");
    }
}
