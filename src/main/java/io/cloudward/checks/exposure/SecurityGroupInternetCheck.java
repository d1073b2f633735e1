package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.NetworkAttachment;
import io.cloudward.collect.snapshot.SecurityGroupFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A security group must not open a sensitive service to the whole internet. A failing group is EXPOSED when
 * something using it has a public address that the open rule reaches (attackers can connect right now) and
 * PERMISSIVE otherwise (the rule waits for the next instance launched with a public IP).
 */
abstract class SecurityGroupInternetCheck extends AbstractCheck<SecurityGroupFacts> {

    static final String EXPOSED = "EXPOSED";
    static final String PERMISSIVE = "PERMISSIVE";
    static final String RESOURCE_TYPE = "AwsEc2SecurityGroup";

    private final String service;

    /** @param service what is protected, for the PASS sentence, e.g. "SSH (port 22)" */
    SecurityGroupInternetCheck(String service) {
        super(SecurityGroupFacts.class);
        this.service = service;
    }

    /** The internet-wide openings this check cares about. */
    abstract List<InternetIngress.Opening> openings(SecurityGroupFacts group);

    @Override
    public final Set<String> variants() {
        return Set.of(EXPOSED, PERMISSIVE);
    }

    @Override
    public final CheckResult evaluate(SecurityGroupFacts group, CheckContext context) {
        ResourceRef resource = ResourceRef.of(RESOURCE_TYPE, group.arn(), group.region(), group.ownerId());
        List<InternetIngress.Opening> openings = openings(group);
        if (openings.isEmpty()) {
            return pass(resource, "Security group " + group.label() + " does not allow " + service
                    + " from the internet.", Evidence.with("attachments", group.attachments().size()).build());
        }
        List<String> reachable = InternetIngress.reachable(group, openings);
        String variant = reachable.isEmpty() ? PERMISSIVE : EXPOSED;
        var evidence = Evidence.with("exposure", variant)
                .and("openings", openings.stream().map(InternetIngress.Opening::describe).toList())
                .and("attachments", group.attachments().size())
                .and("reachable", reachable)
                .and("vpcId", group.vpcId()).build();
        String sentence = "Security group " + group.label() + " allows " + describe(openings)
                + (reachable.isEmpty() ? permissiveTail(group) : exposedTail(reachable))
                + " Restrict the source to known addresses (or a VPN or bastion) or remove the rule.";
        return fail(resource, sentence, evidence).withVariant(variant);
    }

    private static String describe(List<InternetIngress.Opening> openings) {
        Map<String, List<String>> targetsBySource = new LinkedHashMap<>();
        openings.forEach(o -> targetsBySource.computeIfAbsent(o.cidr(), cidr -> new ArrayList<>()).add(o.target()));
        List<String> parts = targetsBySource.entrySet().stream()
                .map(e -> e.getKey() + " to " + Phrases.list(e.getValue(), 6)).toList();
        return String.join(" and ", parts);
    }

    private static String exposedTail(List<String> reachable) {
        return " and is attached to " + Phrases.list(reachable, 3) + ", reachable from the internet now.";
    }

    private static String permissiveTail(SecurityGroupFacts group) {
        if (group.attachments().isEmpty()) {
            return "; nothing uses it today, but anything launched with it and a public IP would be open.";
        }
        List<String> users = group.attachments().stream().map(NetworkAttachment::label).distinct().toList();
        return "; it is attached to " + Phrases.list(users, 3) + ", none with a public address the rule reaches, "
                + "but anything launched with it and a public IP would be open.";
    }
}
