package io.cloudward.sandbox.estate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The everyday management events of a region (describe calls, launches, logins with MFA), computed
 * for any hour from the seed instead of being stored, so 90 days of history cost no memory.
 */
public final class RoutineEvents {

    private record Template(String source, String name, boolean readOnly, String resourceType, boolean globalOnly) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("ec2.amazonaws.com", "DescribeInstances", true, null, false),
            new Template("ec2.amazonaws.com", "DescribeSecurityGroups", true, null, false),
            new Template("ec2.amazonaws.com", "RunInstances", false, "AWS::EC2::Instance", false),
            new Template("ec2.amazonaws.com", "CreateTags", false, "AWS::EC2::Instance", false),
            new Template("rds.amazonaws.com", "DescribeDBInstances", true, null, false),
            new Template("kms.amazonaws.com", "Decrypt", true, "AWS::KMS::Key", false),
            new Template("sts.amazonaws.com", "AssumeRole", true, "AWS::IAM::Role", false),
            new Template("guardduty.amazonaws.com", "ListFindings", true, null, false),
            new Template("iam.amazonaws.com", "ListUsers", true, null, true),
            new Template("signin.amazonaws.com", "ConsoleLogin", false, null, true));

    private final String accountId;
    private final String region;
    private final long seed;
    private final Instant anchor;
    private final double perHour;
    private final List<String> users;
    private final long hourKey;

    public RoutineEvents(String accountId, String region, long seed, Instant anchor, double perHour,
                         List<String> users) {
        this.accountId = accountId;
        this.region = region;
        this.seed = seed;
        this.anchor = anchor;
        this.perHour = perHour;
        this.users = users.isEmpty() ? List.of("automation") : List.copyOf(users);
        this.hourKey = Rng.key(seed, accountId, region, "events");
    }

    /** Whether the region has routine events at all (quiet regions have none). */
    public boolean any() {
        return perHour > 0;
    }

    public List<TrailEvent> forHour(long hour) {
        if (perHour <= 0) {
            return List.of();
        }
        Rng rng = Rng.at(hourKey, hour);
        int count = (int) Math.floor(perHour * 2 * rng.nextDouble() + 0.5);
        Instant start = anchor.plus(Duration.ofHours(hour));
        List<TrailEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Template template = rng.pick(TEMPLATES);
            if (template.globalOnly() && !region.equals("us-east-1")) {
                continue;
            }
            String user = rng.pick(users);
            Instant time = start.plusSeconds(rng.nextInt(3600));
            boolean login = template.name().equals("ConsoleLogin");
            List<EventResource> resources = template.resourceType() == null ? List.of()
                    : List.of(new EventResource(template.resourceType(), resourceName(template, rng)));
            events.add(new TrailEvent(Ids.uuid(accountId, region, "routine", hour, i), time, template.name(),
                    template.source(), user, "IAMUser", "198.51.100." + (10 + rng.nextInt(40)),
                    login ? "Mozilla/5.0 (X11; Linux x86_64)" : "aws-sdk-java/2.40.2", template.readOnly(),
                    login ? null : "AKIA" + Rng.of(seed, accountId, user).hex(16).toUpperCase(),
                    login ? Boolean.TRUE : null, null, resources, Map.of()));
        }
        events.sort(Comparator.comparing(TrailEvent::time));
        return events;
    }

    private String resourceName(Template template, Rng rng) {
        return switch (template.resourceType()) {
            case "AWS::EC2::Instance" -> "i-" + rng.hex(17);
            case "AWS::KMS::Key" -> "arn:aws:kms:" + region + ":" + accountId + ":key/" + rng.uuid();
            default -> "arn:aws:iam::" + accountId + ":role/deploy";
        };
    }
}
