package io.cloudward.sandbox.estate;

import java.time.Instant;
import java.util.List;

/** An EBS volume, attached to {@code instanceId} when set. */
public record Volume(String id, Integer size, String type, boolean encrypted, String kmsKeyId, String state,
                     String instanceId, String device, String availabilityZone, Instant created, List<Tag> tags) {

    public Volume {
        size = size == null ? 8 : size;
        type = type == null ? "gp3" : type;
        state = state == null ? (instanceId == null ? "available" : "in-use") : state;
        device = device == null && instanceId != null ? "/dev/xvda" : device;
        tags = Lists.orEmpty(tags);
    }
}
