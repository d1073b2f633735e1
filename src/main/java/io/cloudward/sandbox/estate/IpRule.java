package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * One permission of a security group.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code -1} (all traffic, no ports)
 * @param groups   ids of security groups allowed as sources
 */
public record IpRule(String protocol, Integer fromPort, Integer toPort, List<String> cidrs, List<String> ipv6Cidrs,
                     List<String> groups, String description) {

    public IpRule {
        protocol = protocol == null ? "tcp" : protocol;
        if (!protocol.equals("-1") && fromPort != null && toPort == null) {
            toPort = fromPort;
        }
        cidrs = Lists.orEmpty(cidrs);
        ipv6Cidrs = Lists.orEmpty(ipv6Cidrs);
        groups = Lists.orEmpty(groups);
    }
}
