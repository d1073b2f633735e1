package io.cloudward.checks.exposure;

import io.cloudward.checks.Fixtures;
import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.SecurityGroupFacts;
import io.cloudward.collect.snapshot.SecurityGroupFacts.IngressPermission;

import java.util.List;
import java.util.Optional;

/** Builds security-group facts for tests. */
final class SecurityGroups {

    private SecurityGroups() {
    }

    static SecurityGroupFacts group(List<IngressPermission> ingress, NetworkAttachment... attachments) {
        return new SecurityGroupFacts("sg-0abc", "web-prod", Optional.of("vpc-1"), "eu-west-1", Fixtures.ACCOUNT,
                ingress, List.of(attachments));
    }

    static NetworkAttachment instance(String instanceId, String publicIp) {
        return new NetworkAttachment("eni-" + instanceId, "eu-west-1", List.of("sg-0abc"), Optional.ofNullable(publicIp),
                List.of(), Optional.of(instanceId), "interface", "");
    }

    static NetworkAttachment ipv6Instance(String instanceId, String ipv6) {
        return new NetworkAttachment("eni-" + instanceId, "eu-west-1", List.of("sg-0abc"), Optional.empty(),
                List.of(ipv6), Optional.of(instanceId), "interface", "");
    }

    static NetworkAttachment loadBalancer(String publicIp) {
        return new NetworkAttachment("eni-lb", "eu-west-1", List.of("sg-0abc"), Optional.ofNullable(publicIp), List.of(),
                Optional.empty(), "interface", "ELB app/web/123");
    }
}
