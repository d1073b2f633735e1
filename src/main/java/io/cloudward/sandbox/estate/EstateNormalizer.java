package io.cloudward.sandbox.estate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an account as written in an estate file into the complete account the services read: every
 * enabled region gets its contents (its own block under {@code regions}, else {@code allRegions}), and
 * every id, time or reference the file left out is derived from the account, region and name.
 */
public final class EstateNormalizer {

    private final Instant anchor;

    /** @param anchor the load time; omitted creation times fall before it */
    public EstateNormalizer(Instant anchor) {
        this.anchor = anchor;
    }

    public Account normalize(Account account) {
        List<String> enabled = enabledRegions(account);
        for (String region : account.regions().keySet()) {
            if (!enabled.contains(region)) {
                throw new IllegalArgumentException("account " + account.id() + " has contents in region " + region
                        + ", which " + (AwsRegions.exists(region) ? "it did not opt in to" : "does not exist"));
            }
        }
        Map<String, RegionSpec> regions = new LinkedHashMap<>();
        for (String region : enabled) {
            RegionSpec spec = account.regions().getOrDefault(region, account.allRegions());
            regions.put(region, normalizeRegion(account.id(), region, spec));
        }
        Instant created = account.created() == null ? anchor.minus(Duration.ofDays(900)) : account.created();
        return new Account(account.id(), account.name(), account.email(), created, account.optInRegions(),
                account.roles(), account.iam(), account.s3(), account.trails(), account.activity(), RegionSpec.EMPTY,
                regions);
    }

    public static List<String> enabledRegions(Account account) {
        List<String> enabled = new ArrayList<>(AwsRegions.ENABLED_BY_DEFAULT);
        for (String region : account.optInRegions()) {
            if (!AwsRegions.isOptIn(region)) {
                throw new IllegalArgumentException("account " + account.id() + ": " + region + " is not an opt-in region");
            }
            enabled.add(region);
        }
        return enabled;
    }

    private RegionSpec normalizeRegion(String accountId, String region, RegionSpec spec) {
        Ec2 ec2 = normalizeEc2(accountId, region, spec.ec2OrEmpty());
        Map<String, String> groupIds = groupIds(ec2.securityGroups());
        return new RegionSpec(
                spec.guardduty() == null ? null : normalizeGuardDuty(accountId, region, spec.guardduty()),
                spec.config(),
                ec2,
                spec.rdsOrEmpty().stream()
                        .map(db -> db.withPlacement(db.vpcId() == null ? Ids.vpc(accountId, region) : db.vpcId(),
                                db.availabilityZone() == null ? region + "a" : db.availabilityZone(),
                                resolveGroups(db.securityGroups(), groupIds, "DB instance " + db.id())))
                        .toList(),
                normalizeBackup(accountId, region, spec.backupOrEmpty()),
                normalizeEvents(accountId, region, spec.eventsOrEmpty()),
                spec.activity());
    }

    private GuardDuty normalizeGuardDuty(String accountId, String region, GuardDuty guardDuty) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < guardDuty.findings().size(); i++) {
            Finding finding = guardDuty.findings().get(i);
            FindingType type = FindingCatalog.byName(finding.type()).orElse(null);
            String subject = subject(finding.resource());
            Finding complete = finding.withId(
                    finding.id() != null ? finding.id() : Ids.hex32(accountId, region, "finding", i),
                    finding.severity() != null ? finding.severity() : type != null ? type.severity() : 5.0,
                    finding.title() != null ? finding.title() : type != null ? type.title(subject) : finding.type(),
                    finding.description() != null ? finding.description()
                            : type != null ? type.description(subject) : finding.type());
            if (complete.createdAt() == null) {
                throw new IllegalArgumentException("finding " + finding.type() + " in " + region + " needs createdAt");
            }
            findings.add(complete);
        }
        return guardDuty.withIdentity(
                guardDuty.detectorId() != null ? guardDuty.detectorId() : Ids.hex32(accountId, region, "detector"),
                guardDuty.created() != null ? guardDuty.created() : anchor.minus(Duration.ofDays(400)),
                findings);
    }

    private static String subject(FindingResource resource) {
        if (resource == null) {
            return "unknown";
        }
        return switch (resource.type()) {
            case "AccessKey" -> resource.userName() == null ? "unknown" : resource.userName();
            case "S3Bucket" -> resource.bucketName() == null ? "unknown" : resource.bucketName();
            default -> resource.instanceId() == null ? "unknown" : resource.instanceId();
        };
    }

    private Ec2 normalizeEc2(String accountId, String region, Ec2 ec2) {
        String defaultVpc = Ids.vpc(accountId, region);
        List<SecurityGroup> groups = ec2.securityGroups().stream()
                .map(group -> group.withIdentity(
                        group.id() != null ? group.id() : Ids.ec2("sg", accountId, region, group.name()),
                        group.vpcId() != null ? group.vpcId() : defaultVpc))
                .toList();
        Map<String, String> groupIds = groupIds(groups);
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < ec2.instances().size(); i++) {
            Instance instance = ec2.instances().get(i);
            String zone = instance.availabilityZone() != null ? instance.availabilityZone() : region + "a";
            String id = instance.id() != null ? instance.id() : Ids.ec2("i", accountId, region, "instance", i);
            instances.add(instance.withPlacement(id,
                    instance.vpcId() != null ? instance.vpcId() : defaultVpc,
                    instance.subnetId() != null ? instance.subnetId() : Ids.subnet(accountId, zone),
                    zone,
                    instance.privateIp() != null ? instance.privateIp() : "172.31." + (16 + i / 250) + "." + (10 + i % 250),
                    resolveGroups(instance.securityGroups(), groupIds, "instance " + id),
                    instance.imageId() != null ? instance.imageId() : Ids.ec2("ami", region, instance.type())));
        }
        List<NetworkInterface> interfaces = new ArrayList<>();
        for (int i = 0; i < ec2.networkInterfaces().size(); i++) {
            NetworkInterface eni = ec2.networkInterfaces().get(i);
            String zone = eni.availabilityZone() != null ? eni.availabilityZone() : region + "a";
            String id = eni.id() != null ? eni.id() : Ids.ec2("eni", accountId, region, "eni", i);
            interfaces.add(new NetworkInterface(id, eni.description(), eni.interfaceType(), eni.status(),
                    eni.vpcId() != null ? eni.vpcId() : defaultVpc,
                    eni.subnetId() != null ? eni.subnetId() : Ids.subnet(accountId, zone), zone,
                    eni.privateIp() != null ? eni.privateIp() : "172.31.48." + (10 + i % 240), eni.publicIp(),
                    resolveGroups(eni.securityGroups(), groupIds, "network interface " + id), eni.instanceId(),
                    eni.requesterManaged(), eni.tags()));
        }
        List<Volume> volumes = new ArrayList<>();
        for (int i = 0; i < ec2.volumes().size(); i++) {
            Volume volume = ec2.volumes().get(i);
            volumes.add(new Volume(volume.id() != null ? volume.id() : Ids.ec2("vol", accountId, region, "volume", i),
                    volume.size(), volume.type(), volume.encrypted(), volume.kmsKeyId(), volume.state(),
                    volume.instanceId(), volume.device(),
                    volume.availabilityZone() != null ? volume.availabilityZone() : region + "a",
                    volume.created() != null ? volume.created() : anchor.minus(Duration.ofDays(120)), volume.tags()));
        }
        return new Ec2(ec2.ebsEncryptionByDefault(), groups, instances, interfaces, volumes);
    }

    private static Map<String, String> groupIds(List<SecurityGroup> groups) {
        Map<String, String> ids = new HashMap<>();
        for (SecurityGroup group : groups) {
            ids.put(group.id(), group.id());
            ids.put(group.name(), group.id());
        }
        return ids;
    }

    private static List<String> resolveGroups(List<String> references, Map<String, String> groupIds, String owner) {
        return references.stream().map(reference -> {
            String id = groupIds.get(reference);
            if (id == null) {
                throw new IllegalArgumentException(owner + " names security group " + reference
                        + ", which is not in its region");
            }
            return id;
        }).toList();
    }

    private Backup normalizeBackup(String accountId, String region, Backup backup) {
        String role = "arn:aws:iam::" + accountId + ":role/service-role/AWSBackupDefaultServiceRole";
        List<BackupPlan> plans = backup.plans().stream().map(plan -> {
            String planId = plan.id() != null ? plan.id() : Ids.uuid(accountId, region, "plan", plan.name());
            return plan.withIdentity(planId,
                    plan.versionId() != null ? plan.versionId() : Rng.of(3, planId).hex(32),
                    plan.rules().stream().map(rule -> rule.withId(
                            rule.id() != null ? rule.id() : Ids.uuid(planId, "rule", rule.name()))).toList(),
                    plan.selections().stream().map(selection -> new BackupSelection(
                            selection.id() != null ? selection.id() : Ids.uuid(planId, "selection", selection.name()),
                            selection.name(), selection.iamRoleArn() != null ? selection.iamRoleArn() : role,
                            selection.resources().stream()
                                    .map(ref -> ResourceArns.expand(ref, accountId, region)).toList(),
                            selection.created() != null ? selection.created() : plan.created())).toList());
        }).toList();
        List<BackupJob> jobs = new ArrayList<>();
        for (int i = 0; i < backup.jobs().size(); i++) {
            BackupJob job = backup.jobs().get(i);
            String arn = ResourceArns.expand(job.resourceArn(), accountId, region);
            jobs.add(new BackupJob(job.id() != null ? job.id() : Ids.jobId(accountId, region, "job", i), job.vault(),
                    arn, job.resourceType() != null ? job.resourceType() : ResourceArns.backupResourceType(arn),
                    job.state(), job.created(), job.completed(), job.statusMessage(), job.planId(), job.sizeBytes()));
        }
        List<RecoveryPoint> points = new ArrayList<>();
        for (int i = 0; i < backup.recoveryPoints().size(); i++) {
            RecoveryPoint point = backup.recoveryPoints().get(i);
            String arn = ResourceArns.expand(point.resourceArn(), accountId, region);
            points.add(new RecoveryPoint(point.id() != null ? point.id() : Ids.uuid(accountId, region, "rp", i),
                    point.vault(), arn,
                    point.resourceType() != null ? point.resourceType() : ResourceArns.backupResourceType(arn),
                    point.status(), point.created(), point.deleteAfterDays(), point.sizeBytes(), point.planId()));
        }
        return new Backup(backup.vaults(), plans, jobs, points);
    }

    private static List<TrailEvent> normalizeEvents(String accountId, String region, List<TrailEvent> events) {
        List<TrailEvent> complete = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            TrailEvent event = events.get(i);
            complete.add(event.id() != null ? event : event.withId(Ids.uuid(accountId, region, "event", i)));
        }
        return complete;
    }
}
