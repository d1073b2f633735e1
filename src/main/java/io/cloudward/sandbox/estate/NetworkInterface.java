package io.cloudward.sandbox.estate;

import java.util.List;

/**
 * An elastic network interface.
 *
 * @param interfaceType {@code interface} for most, also {@code nat_gateway}, {@code lambda}, …
 * @param status        {@code in-use} when attached, else {@code available}
 * @param instanceId    the instance it is attached to, if any
 */
public record NetworkInterface(String id, String description, String interfaceType, String status, String vpcId,
                               String subnetId, String availabilityZone, String privateIp, String publicIp,
                               List<String> securityGroups, String instanceId, Boolean requesterManaged,
                               List<Tag> tags) {

    public NetworkInterface {
        description = description == null ? "" : description;
        interfaceType = interfaceType == null ? "interface" : interfaceType;
        status = status == null ? (instanceId == null ? "available" : "in-use") : status;
        securityGroups = Lists.orEmpty(securityGroups);
        requesterManaged = requesterManaged != null && requesterManaged;
        tags = Lists.orEmpty(tags);
    }
}
