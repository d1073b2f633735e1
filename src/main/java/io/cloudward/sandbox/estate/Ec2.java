package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * EC2 in a region. Every instance gets a primary network interface of its own; {@code networkInterfaces}
 * lists the others (those of RDS, load balancers, detached ones).
 */
public record Ec2(Boolean ebsEncryptionByDefault, List<SecurityGroup> securityGroups, List<Instance> instances,
                  List<NetworkInterface> networkInterfaces, List<Volume> volumes) {

    public static final Ec2 EMPTY = new Ec2(null, null, null, null, null);

    public Ec2 {
        ebsEncryptionByDefault = ebsEncryptionByDefault != null && ebsEncryptionByDefault;
        securityGroups = Lists.orEmpty(securityGroups);
        instances = Lists.orEmpty(instances);
        networkInterfaces = Lists.orEmpty(networkInterfaces);
        volumes = Lists.orEmpty(volumes);
    }
}
