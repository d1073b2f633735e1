package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/**
 * An EC2 instance. {@code securityGroups} holds group ids or names of groups in the same region.
 *
 * @param state {@code pending}, {@code running}, {@code stopping}, {@code stopped}, {@code shutting-down}
 *              or {@code terminated}
 */
public record Instance(String id, String type, String state, Instant launched, String imageId, String vpcId,
                       String subnetId, String availabilityZone, String privateIp, String publicIp,
                       List<String> securityGroups, List<Tag> tags, String iamInstanceProfile, String platform,
                       String keyName) {

    public Instance {
        type = type == null ? "t3.micro" : type;
        state = state == null ? "running" : state;
        securityGroups = Lists.orEmpty(securityGroups);
        tags = Lists.orEmpty(tags);
    }

    public Instance withPlacement(String newId, String newVpcId, String newSubnetId, String zone, String newPrivateIp,
                                  List<String> groupIds, String newImageId) {
        return new Instance(newId, type, state, launched, newImageId, newVpcId, newSubnetId, zone, newPrivateIp,
                publicIp, groupIds, tags, iamInstanceProfile, platform, keyName);
    }

    /** EC2's state code for the state name. */
    public int stateCode() {
        return switch (state) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalStateException("unknown instance state " + state);
        };
    }
}
