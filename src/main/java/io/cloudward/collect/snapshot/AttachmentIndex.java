package io.cloudward.collect.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Network interfaces by security group, built once per region from DescribeNetworkInterfaces so that each
 * security group can be judged alone with just its own attachments.
 */
public final class AttachmentIndex {

    private final Map<String, List<NetworkAttachment>> byGroup;

    private AttachmentIndex(Map<String, List<NetworkAttachment>> byGroup) {
        this.byGroup = byGroup;
    }

    public static AttachmentIndex of(Iterable<NetworkAttachment> attachments) {
        Map<String, List<NetworkAttachment>> byGroup = new HashMap<>();
        for (NetworkAttachment attachment : attachments) {
            attachment.groupIds().forEach(groupId -> byGroup.computeIfAbsent(groupId, id -> new ArrayList<>()).add(attachment));
        }
        byGroup.replaceAll((groupId, list) -> List.copyOf(list));
        return new AttachmentIndex(Map.copyOf(byGroup));
    }

    public List<NetworkAttachment> forGroup(String groupId) {
        return byGroup.getOrDefault(groupId, List.of());
    }
}
