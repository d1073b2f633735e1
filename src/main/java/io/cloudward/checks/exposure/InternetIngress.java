package io.cloudward.checks.exposure;

import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import io.cloudward.collect.snapshot.SecurityGroupFacts.IngressPermission;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a security group's ingress rules for openings to the whole internet (a /0 source) and finds which
 * attached network interfaces can actually be reached through them.
 */
final class InternetIngress {

    private InternetIngress() {
    }

    /** An internet-wide source and what it may reach, e.g. 0.0.0.0/0 → "port 22 (SSH)". */
    record Opening(String cidr, String target) {
        boolean ipv6() {
            return cidr.contains(":");
        }

        String describe() {
            return cidr + " to " + target;
        }
    }

    /** The openings to any of the given service ports. */
    static List<Opening> toPorts(SecurityGroupFacts group, List<ServicePort> ports) {
        Set<Opening> openings = new LinkedHashSet<>();
        for (IngressPermission permission : group.ingress()) {
            for (ServicePort port : ports) {
                if (covers(permission, port)) {
                    worldSources(permission).forEach(cidr -> openings.add(new Opening(cidr, port.describe())));
                }
            }
        }
        return List.copyOf(openings);
    }

    /** The openings to every port: IpProtocol -1, or TCP/UDP over the whole port range. */
    static List<Opening> toAllPorts(SecurityGroupFacts group) {
        Set<Opening> openings = new LinkedHashSet<>();
        for (IngressPermission permission : group.ingress()) {
            String protocol = protocol(permission);
            boolean allTraffic = protocol.equals("all");
            boolean everyPort = (protocol.equals("tcp") || protocol.equals("udp"))
                    && permission.fromPort().orElse(0) <= 1 && permission.toPort().orElse(65535) >= 65535;
            if (allTraffic || everyPort) {
                String target = allTraffic ? "all traffic (every protocol and port)" : "every " + protocol.toUpperCase(Locale.ROOT) + " port";
                worldSources(permission).forEach(cidr -> openings.add(new Opening(cidr, target)));
            }
        }
        return List.copyOf(openings);
    }

    /**
     * What the openings reach, e.g. "i-0123 with public IP 54.1.2.3": interfaces with a public IPv4 address
     * behind an IPv4 opening, or with an IPv6 address (globally routable in AWS) behind an IPv6 opening.
     */
    static List<String> reachable(SecurityGroupFacts group, List<Opening> openings) {
        boolean ipv4 = openings.stream().anyMatch(o -> !o.ipv6());
        boolean ipv6 = openings.stream().anyMatch(Opening::ipv6);
        List<String> reached = new ArrayList<>();
        for (NetworkAttachment attachment : group.attachments()) {
            if (ipv4 && attachment.publicIp().isPresent()) {
                reached.add(attachment.label() + " with public IP " + attachment.publicIp().get());
            } else if (ipv6 && !attachment.ipv6Addresses().isEmpty()) {
                reached.add(attachment.label() + " with IPv6 address " + attachment.ipv6Addresses().getFirst());
            }
        }
        return reached.stream().distinct().toList();
    }

    private static boolean covers(IngressPermission permission, ServicePort port) {
        String protocol = protocol(permission);
        if (protocol.equals("all")) {
            return true;
        }
        return protocol.equals(port.protocol())
                && permission.fromPort().orElse(0) <= port.port() && port.port() <= permission.toPort().orElse(65535);
    }

    /** IpProtocol as a name: -1 → all, 6 → tcp, 17 → udp. */
    private static String protocol(IngressPermission permission) {
        return switch (permission.ipProtocol().toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "all";
            case "6" -> "tcp";
            case "17" -> "udp";
            case String other -> other;
        };
    }

    private static List<String> worldSources(IngressPermission permission) {
        List<String> sources = new ArrayList<>();
        Stream.concat(permission.ipv4Ranges().stream(), permission.ipv6Ranges().stream())
                .filter(cidr -> cidr.trim().endsWith("/0"))
                .forEach(sources::add);
        return sources;
    }
}
