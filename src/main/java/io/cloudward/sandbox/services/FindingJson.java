package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.Bucket;
import io.cloudward.sandbox.estate.Finding;
import io.cloudward.sandbox.estate.FindingAction;
import io.cloudward.sandbox.estate.FindingResource;
import io.cloudward.sandbox.estate.Instance;
import io.cloudward.sandbox.estate.RegionView;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.estate.SecurityGroup;
import io.cloudward.sandbox.estate.Tag;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.Timestamps;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A GuardDuty finding as GetFindings returns it; instance and bucket details come from the region. */
final class FindingJson {

    private FindingJson() {
    }

    static ObjectNode write(Finding finding, RegionView view, String detectorId) {
        String accountId = view.accountId();
        ObjectNode node = Json.object()
                .put("accountId", accountId)
                .put("arn", "arn:aws:guardduty:" + view.region() + ":" + accountId + ":detector/" + detectorId
                        + "/finding/" + finding.id())
                .put("createdAt", Timestamps.iso(finding.createdAt()))
                .put("description", finding.description())
                .put("id", finding.id())
                .put("partition", "aws")
                .put("region", view.region())
                .put("schemaVersion", "2.0")
                .put("severity", finding.severity())
                .put("title", finding.title())
                .put("type", finding.type())
                .put("updatedAt", Timestamps.iso(finding.updatedAt()));
        node.set("resource", resource(finding, view));
        ObjectNode service = node.putObject("service");
        if (finding.action() != null) {
            service.set("action", action(finding.action()));
        }
        service.put("archived", finding.archived())
                .put("count", finding.count())
                .put("detectorId", detectorId)
                .put("eventFirstSeen", Timestamps.iso(finding.createdAt()))
                .put("eventLastSeen", Timestamps.iso(finding.updatedAt()))
                .put("resourceRole", "TARGET")
                .put("serviceName", "guardduty");
        service.putObject("additionalInfo").put("value", "{}").put("type", "default");
        return node;
    }

    private static ObjectNode resource(Finding finding, RegionView view) {
        FindingResource resource = finding.resource() == null
                ? new FindingResource("Instance", null, null, null, null) : finding.resource();
        ObjectNode node = Json.object().put("resourceType", resource.type());
        switch (resource.type()) {
            case "AccessKey" -> {
                ObjectNode key = node.putObject("accessKeyDetails");
                Json.putText(key, "accessKeyId", resource.accessKeyId());
                boolean root = "root".equals(resource.userName());
                key.put("principalId", root ? view.accountId() : userId(view.accountId(), resource.userName()))
                        .put("userName", resource.userName() == null ? "unknown" : resource.userName())
                        .put("userType", root ? "Root" : "IAMUser");
            }
            case "S3Bucket" -> {
                ArrayNode buckets = node.putArray("s3BucketDetails");
                Optional<Bucket> bucket = view.account().s3().buckets().stream()
                        .filter(b -> b.name().equals(resource.bucketName())).findFirst();
                ObjectNode details = buckets.addObject()
                        .put("arn", "arn:aws:s3:::" + resource.bucketName())
                        .put("name", resource.bucketName())
                        .put("type", "Destination");
                bucket.ifPresent(b -> Json.putTime(details, "createdAt", b.created()));
                details.putObject("owner").put("id", view.accountId());
                details.putArray("tags");
                details.putObject("defaultServerSideEncryption").put("encryptionType", "AES256");
                boolean isPublic = bucket.map(b -> b.policyIsPublic(view.account().s3().accountPublicAccessBlock()))
                        .orElse(false);
                details.putObject("publicAccess").put("effectivePermission", isPublic ? "PUBLIC" : "NOT_PUBLIC");
            }
            default -> node.set("instanceDetails", instance(resource.instanceId(), view));
        }
        return node;
    }

    private static ObjectNode instance(String instanceId, RegionView view) {
        ObjectNode details = Json.object();
        Optional<Instance> found = view.spec().ec2OrEmpty().instances().stream()
                .filter(instance -> instance.id().equals(instanceId)).findFirst();
        details.put("instanceId", instanceId);
        if (found.isEmpty()) {
            details.put("instanceState", "terminated");
            return details;
        }
        Instance instance = found.get();
        details.put("availabilityZone", instance.availabilityZone())
                .put("imageId", instance.imageId())
                .put("instanceState", instance.state())
                .put("instanceType", instance.type())
                .put("launchTime", Timestamps.iso(instance.launched() == null ? view.anchor() : instance.launched()));
        Json.putText(details, "platform", instance.platform());
        ObjectNode eni = details.putArray("networkInterfaces").addObject()
                .put("networkInterfaceId", Ec2Service.primaryEni(instance.id()))
                .put("privateIpAddress", instance.privateIp())
                .put("subnetId", instance.subnetId())
                .put("vpcId", instance.vpcId());
        Json.putText(eni, "publicIp", instance.publicIp());
        eni.putArray("ipv6Addresses");
        eni.putArray("privateIpAddresses").addObject().put("privateIpAddress", instance.privateIp());
        ArrayNode groups = eni.putArray("securityGroups");
        List<SecurityGroup> known = view.spec().ec2OrEmpty().securityGroups();
        for (String groupId : instance.securityGroups()) {
            groups.addObject().put("groupId", groupId).put("groupName", known.stream()
                    .filter(group -> group.id().equals(groupId)).map(SecurityGroup::name).findFirst().orElse(groupId));
        }
        ArrayNode tags = details.putArray("tags");
        for (Tag tag : instance.tags()) {
            tags.addObject().put("key", tag.key()).put("value", tag.value());
        }
        if (instance.iamInstanceProfile() != null) {
            details.putObject("iamInstanceProfile").put("arn", instance.iamInstanceProfile())
                    .put("id", "AIPA" + Rng.of(6, instance.iamInstanceProfile()).hex(17).toUpperCase(Locale.ROOT));
        }
        return details;
    }

    private static ObjectNode action(FindingAction action) {
        ObjectNode node = Json.object().put("actionType", action.type());
        switch (action.type()) {
            case "AWS_API_CALL" -> {
                ObjectNode call = node.putObject("awsApiCallAction");
                Json.putText(call, "api", action.api());
                call.put("callerType", "Remote IP");
                Json.putText(call, "serviceName", action.serviceName());
                call.set("remoteIpDetails", remoteIp(action));
            }
            case "NETWORK_CONNECTION" -> {
                ObjectNode connection = node.putObject("networkConnectionAction")
                        .put("blocked", false)
                        .put("connectionDirection", "INBOUND")
                        .put("protocol", "TCP");
                connection.set("localPortDetails", port(action.port()));
                connection.set("remoteIpDetails", remoteIp(action));
                connection.putObject("remotePortDetails").put("port", 40000 + Rng.of(7, action.remoteIp()).nextInt(20000))
                        .put("portName", "Unknown");
            }
            case "PORT_PROBE" -> {
                ObjectNode probe = node.putObject("portProbeAction").put("blocked", false);
                ObjectNode detail = probe.putArray("portProbeDetails").addObject();
                detail.set("localPortDetails", port(action.port()));
                detail.set("remoteIpDetails", remoteIp(action));
            }
            case "DNS_REQUEST" -> node.putObject("dnsRequestAction")
                    .put("domain", action.domain())
                    .put("protocol", "UDP")
                    .put("blocked", false);
            default -> {
            }
        }
        return node;
    }

    static String userId(String accountId, String userName) {
        return "AIDA" + Rng.of(5, accountId, userName).hex(17).toUpperCase(Locale.ROOT);
    }

    private static ObjectNode port(Integer port) {
        int number = port == null ? 22 : port;
        String name = switch (number) {
            case 22 -> "SSH";
            case 80 -> "HTTP";
            case 443 -> "HTTPS";
            case 3389 -> "RDP";
            default -> "Unknown";
        };
        return Json.object().put("port", number).put("portName", name);
    }

    private static ObjectNode remoteIp(FindingAction action) {
        ObjectNode node = Json.object();
        Json.putText(node, "ipAddressV4", action.remoteIp());
        if (action.countryName() != null) {
            node.putObject("country").put("countryName", action.countryName());
        }
        if (action.cityName() != null) {
            node.putObject("city").put("cityName", action.cityName());
        }
        if (action.organization() != null) {
            node.putObject("organization").put("asn", "0").put("asnOrg", action.organization())
                    .put("isp", action.organization()).put("org", action.organization());
        }
        return node;
    }
}
