package io.cloudward.sandbox.estate;

import java.util.List;

/** A VPC security group; egress defaults to AWS's allow-all rule. */
public record SecurityGroup(String id, String name, String description, String vpcId, List<IpRule> ingress,
                            List<IpRule> egress, List<Tag> tags) {

    public static final List<IpRule> ALLOW_ALL_EGRESS =
            List.of(new IpRule("-1", null, null, List.of("0.0.0.0/0"), null, null, null));

    public SecurityGroup {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a security group needs a name");
        }
        description = description == null ? name : description;
        ingress = Lists.orEmpty(ingress);
        egress = egress == null ? ALLOW_ALL_EGRESS : List.copyOf(egress);
        tags = Lists.orEmpty(tags);
    }

    public SecurityGroup withIdentity(String newId, String newVpcId) {
        return new SecurityGroup(newId, name, description, newVpcId, ingress, egress, tags);
    }
}
