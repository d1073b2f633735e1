package io.cloudward.sandbox.estate.gen;

import io.cloudward.sandbox.estate.AccessKey;
import io.cloudward.sandbox.estate.Account;
import io.cloudward.sandbox.estate.Activity;
import io.cloudward.sandbox.estate.AwsRegions;
import io.cloudward.sandbox.estate.Backup;
import io.cloudward.sandbox.estate.BackupPlan;
import io.cloudward.sandbox.estate.BackupRule;
import io.cloudward.sandbox.estate.BackupSelection;
import io.cloudward.sandbox.estate.BackupVault;
import io.cloudward.sandbox.estate.Bucket;
import io.cloudward.sandbox.estate.BucketPolicy;
import io.cloudward.sandbox.estate.ConfigRule;
import io.cloudward.sandbox.estate.ConfigSetup;
import io.cloudward.sandbox.estate.DbInstance;
import io.cloudward.sandbox.estate.Ec2;
import io.cloudward.sandbox.estate.GeneratedEstate;
import io.cloudward.sandbox.estate.GuardDuty;
import io.cloudward.sandbox.estate.Iam;
import io.cloudward.sandbox.estate.IamUser;
import io.cloudward.sandbox.estate.Ids;
import io.cloudward.sandbox.estate.Instance;
import io.cloudward.sandbox.estate.IpRule;
import io.cloudward.sandbox.estate.PasswordPolicy;
import io.cloudward.sandbox.estate.PublicAccessBlock;
import io.cloudward.sandbox.estate.Recorder;
import io.cloudward.sandbox.estate.RegionSpec;
import io.cloudward.sandbox.estate.Rng;
import io.cloudward.sandbox.estate.Role;
import io.cloudward.sandbox.estate.RootUser;
import io.cloudward.sandbox.estate.S3Account;
import io.cloudward.sandbox.estate.SecurityGroup;
import io.cloudward.sandbox.estate.Tag;
import io.cloudward.sandbox.estate.Trail;
import io.cloudward.sandbox.estate.Volume;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Derives a whole population of plausible customer accounts from a seed, one account or one region at a
 * time and on demand, so a thousand accounts × seventeen regions cost nothing until they are read.
 * Accounts get ids from {@value #FIRST_ACCOUNT} upwards. Most regions are quiet; each account works in one
 * to three of them, where the instances, databases, backups and activity are; a few accounts leave
 * GuardDuty or Config off, stop their trail, open databases to the internet or drop the ExternalId.
 */
public final class EstateGenerator {

    public static final long FIRST_ACCOUNT = 500_000_000_000L;
    public static final String ROLE_NAME = "CloudwardSecurityAudit";
    private static final List<String> FIRST_NAMES = List.of("alice", "bob", "carol", "dave", "erin", "frank",
            "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent");
    private static final List<String> ENGINES = List.of("postgres", "mysql", "mariadb", "postgres");
    private static final List<String> INSTANCE_TYPES = List.of("t3.micro", "t3.medium", "m5.large", "c6i.xlarge",
            "r6g.large");
    private static final List<String> RULES = List.of("encrypted-volumes", "restricted-ssh", "s3-bucket-public-read-prohibited",
            "rds-storage-encrypted", "iam-user-mfa-enabled", "cloudtrail-enabled", "vpc-default-security-group-closed",
            "root-account-mfa-enabled");

    private final GeneratedEstate spec;
    private final Instant anchor;

    public EstateGenerator(GeneratedEstate spec, Instant anchor) {
        this.spec = spec;
        this.anchor = anchor;
    }

    public GeneratedEstate spec() {
        return spec;
    }

    public Instant anchor() {
        return anchor;
    }

    public String accountId(int index) {
        return String.format("%012d", FIRST_ACCOUNT + index);
    }

    public OptionalInt indexOf(String accountId) {
        if (accountId.length() != 12) {
            return OptionalInt.empty();
        }
        long number = 0;
        for (int i = 0; i < 12; i++) {
            char c = accountId.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            number = number * 10 + (c - '0');
        }
        long index = number - FIRST_ACCOUNT;
        return index >= 0 && index < spec.accounts() ? OptionalInt.of((int) index) : OptionalInt.empty();
    }

    public String externalId(int index) {
        return "cw-" + Rng.of(spec.seed(), "external-id", index).hex(24);
    }

    /** The account-wide facts: role, IAM, S3 and trails. Regions come from {@link #region}. */
    public Account account(int index) {
        Rng rng = Rng.of(spec.seed(), "account", index);
        String id = accountId(index);
        List<String> used = usedRegions(index);
        String home = used.get(0);
        String externalId = rng.chance(0.03) ? null : externalId(index);
        Role role = Role.fromCloudwardTemplate(ROLE_NAME, externalId);
        List<String> optIn = spec.regions().stream().filter(AwsRegions::isOptIn).toList();
        return new Account(id, String.format("generated-%04d", index), "aws+generated-" + index + "@example.com",
                anchor.minus(Duration.ofDays(200 + rng.nextInt(2000))), optIn, List.of(role), iam(id, rng),
                s3(id, used, rng), trails(id, home, rng), Activity.NONE, null, Map.of());
    }

    /** The regions account {@code index} works in, home region first. */
    public List<String> usedRegions(int index) {
        Rng rng = Rng.of(spec.seed(), "used-regions", index);
        Set<String> used = new LinkedHashSet<>();
        used.add(rng.pick(spec.regions()));
        int extra = rng.nextInt(3);
        for (int i = 0; i < extra; i++) {
            used.add(rng.pick(spec.regions()));
        }
        return List.copyOf(used);
    }

    /** One region of account {@code index}, without findings or backup history (the timeline adds them). */
    public RegionSpec region(int index, Account account, String region) {
        Rng rng = Rng.of(spec.seed(), "region", index, region);
        List<String> used = usedRegions(index);
        boolean busy = used.contains(region);
        boolean home = used.get(0).equals(region);
        String id = account.id();
        GuardDuty guardDuty = rng.chance(busy ? 0.9 : 0.7)
                ? new GuardDuty(Ids.hex32(id, region, "detector"), rng.chance(0.93) ? "ENABLED" : "DISABLED",
                        anchor.minus(Duration.ofDays(100 + rng.nextInt(600))), null, null, null)
                : null;
        ConfigSetup config = rng.chance(busy ? 0.75 : 0.4) ? config(busy, rng) : null;
        Ec2 ec2 = ec2(id, region, busy, rng);
        List<DbInstance> rds = busy ? rds(id, region, ec2, rng) : List.of();
        Backup backup = home && Rng.of(spec.seed(), "backup", index).chance(0.6) ? backup(id, region, ec2, rds, rng) : null;
        Activity activity = busy
                ? new Activity(0.2 + rng.nextDouble(), 1 + rng.nextInt(3), 0.1, 1 + rng.nextInt(4),
                        0.03 + rng.nextDouble() * 0.1)
                : new Activity(0.02, 0.1, 0.02, 0, 0);
        return new RegionSpec(guardDuty, config, ec2, rds, backup, List.of(), activity);
    }

    private Iam iam(String accountId, Rng rng) {
        List<IamUser> users = new ArrayList<>();
        int count = rng.between(2, 12);
        for (int i = 0; i < count; i++) {
            String name = FIRST_NAMES.get((i + rng.nextInt(FIRST_NAMES.size())) % FIRST_NAMES.size()) + "." + i;
            boolean console = rng.chance(0.6);
            List<AccessKey> keys = new ArrayList<>();
            int keyCount = rng.nextInt(3);
            for (int k = 0; k < keyCount; k++) {
                keys.add(new AccessKey(rng.chance(0.85), ago(rng, 500), ago(rng, 30), "eu-west-1", "s3"));
            }
            users.add(new IamUser(name, ago(rng, 1500), console, console ? ago(rng, 60) : null,
                    console ? ago(rng, 400) : null, console && rng.chance(0.7), keys));
        }
        PasswordPolicy policy = rng.chance(0.6)
                ? new PasswordPolicy(rng.chance(0.5) ? 14 : 8, rng.chance(0.5), true, true, true, true,
                        rng.chance(0.4) ? 90 : null, rng.chance(0.5) ? 24 : null, false)
                : null;
        RootUser root = new RootUser(rng.chance(0.85), rng.chance(0.3) ? ago(rng, 90) : null,
                rng.chance(0.1) ? List.of(new AccessKey(true, ago(rng, 900), ago(rng, 200), "us-east-1", "iam"))
                        : List.of());
        return new Iam(root, policy, users, rng.between(5, 40), rng.between(0, 8), rng.between(2, 30));
    }

    private S3Account s3(String accountId, List<String> used, Rng rng) {
        List<Bucket> buckets = new ArrayList<>();
        int count = rng.between(2, 10);
        for (int i = 0; i < count; i++) {
            BucketPolicy policy = rng.chance(0.08) ? BucketPolicy.PUBLIC
                    : rng.chance(0.45) ? BucketPolicy.PRIVATE : BucketPolicy.NONE;
            buckets.add(new Bucket("gen-" + accountId + "-data-" + i, rng.pick(used), ago(rng, 1200), policy,
                    rng.chance(0.6) ? PublicAccessBlock.ALL_ON : null, List.of()));
        }
        return new S3Account(rng.chance(0.5) ? PublicAccessBlock.ALL_ON : null, buckets);
    }

    private List<Trail> trails(String accountId, String home, Rng rng) {
        double roll = rng.nextDouble();
        if (roll < 0.1) {
            return List.of();
        }
        boolean multiRegion = roll >= 0.2;
        boolean logging = roll >= 0.3 || roll < 0.2;
        return List.of(new Trail("organization-trail", home, multiRegion, logging, rng.chance(0.7),
                rng.chance(0.5) ? "arn:aws:kms:" + home + ":" + accountId + ":key/" + rng.uuid() : null, null, null, null,
                false, null, null, null, anchor.minus(Duration.ofMinutes(rng.nextInt(60))), ago(rng, 700),
                logging ? null : ago(rng, 20)));
    }

    private ConfigSetup config(boolean busy, Rng rng) {
        boolean recording = rng.chance(0.85);
        List<ConfigRule> rules = new ArrayList<>();
        if (busy) {
            int count = rng.between(2, RULES.size());
            for (int i = 0; i < count; i++) {
                boolean compliant = rng.chance(0.6);
                rules.add(new ConfigRule(RULES.get(i), compliant ? "COMPLIANT" : "NON_COMPLIANT",
                        compliant ? 0 : rng.between(1, 12)));
            }
        }
        return new ConfigSetup(List.of(new Recorder("default", recording, true, busy, null,
                ago(rng, 300), recording ? null : ago(rng, 30))), rules);
    }

    private Ec2 ec2(String accountId, String region, boolean busy, Rng rng) {
        String vpc = Ids.vpc(accountId, region);
        String defaultGroup = Ids.ec2("sg", accountId, region, "default");
        List<SecurityGroup> groups = new ArrayList<>();
        groups.add(new SecurityGroup(defaultGroup, "default", "default VPC security group", vpc,
                List.of(new IpRule("-1", null, null, null, null, List.of(defaultGroup), null)), null, List.of()));
        List<Instance> instances = new ArrayList<>();
        List<Volume> volumes = new ArrayList<>();
        boolean strayInstance = !busy && rng.chance(0.04);
        if (busy) {
            String web = Ids.ec2("sg", accountId, region, "web");
            groups.add(new SecurityGroup(web, "web", "HTTP and HTTPS from anywhere", vpc, List.of(
                    new IpRule("tcp", 443, 443, List.of("0.0.0.0/0"), List.of("::/0"), null, "HTTPS"),
                    new IpRule("tcp", 80, 80, List.of("0.0.0.0/0"), null, null, "HTTP")), null, List.of()));
            String admin = Ids.ec2("sg", accountId, region, "admin");
            groups.add(new SecurityGroup(admin, "admin", "SSH for operators", vpc, List.of(
                    new IpRule("tcp", 22, 22, List.of(rng.chance(0.3) ? "0.0.0.0/0" : "10.0.0.0/8"), null, null, "SSH")),
                    null, List.of()));
            String db = Ids.ec2("sg", accountId, region, "database");
            IpRule dbRule = rng.chance(0.12)
                    ? new IpRule("tcp", 5432, 5432, List.of("0.0.0.0/0"), null, null, "temporary debugging")
                    : new IpRule("tcp", 5432, 5432, null, null, List.of(web), "from the web tier");
            groups.add(new SecurityGroup(db, "database", "PostgreSQL", vpc, List.of(dbRule), null, List.of()));
        }
        int instanceCount = busy ? rng.between(1, 12) : strayInstance ? 1 : 0;
        for (int i = 0; i < instanceCount; i++) {
            String zone = region + (char) ('a' + rng.nextInt(3));
            String instanceId = Ids.ec2("i", accountId, region, "instance", i);
            List<String> attached = busy ? List.of(rng.pick(groups.subList(1, groups.size())).id()) : List.of(defaultGroup);
            boolean publicIp = strayInstance || rng.chance(0.35);
            instances.add(new Instance(instanceId, rng.pick(INSTANCE_TYPES), rng.chance(0.85) ? "running" : "stopped",
                    ago(rng, 400), Ids.ec2("ami", region, "al2023"), vpc, Ids.subnet(accountId, zone), zone,
                    "172.31." + (16 + i / 200) + "." + (10 + i % 200),
                    publicIp ? "54." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.between(1, 254) : null,
                    attached, List.of(new Tag("Name", (strayInstance ? "forgotten-" : "app-") + i)), null, null,
                    "ops"));
            volumes.add(new Volume(Ids.ec2("vol", accountId, region, "volume", i), rng.pick(List.of(8, 20, 100, 500)),
                    "gp3", rng.chance(0.7), null, "in-use", instanceId, "/dev/xvda", zone, ago(rng, 400), List.of()));
        }
        return new Ec2(rng.chance(0.5), groups, instances, List.of(), volumes);
    }

    private List<DbInstance> rds(String accountId, String region, Ec2 ec2, Rng rng) {
        List<DbInstance> databases = new ArrayList<>();
        int count = rng.nextInt(4);
        String dbGroup = ec2.securityGroups().stream().filter(group -> group.name().equals("database"))
                .findFirst().orElseThrow().id();
        for (int i = 0; i < count; i++) {
            databases.add(new DbInstance("db-" + accountId.substring(8) + "-" + i, rng.pick(ENGINES), null, null, null,
                    rng.chance(0.1), rng.chance(0.1) ? 0 : rng.pick(List.of(1, 7, 14, 35)), rng.chance(0.5),
                    rng.chance(0.75), rng.chance(0.3), null, Ids.vpc(accountId, region), List.of(dbGroup),
                    region + "a", ago(rng, 700), null, null, List.of()));
        }
        return databases;
    }

    private Backup backup(String accountId, String region, Ec2 ec2, List<DbInstance> rds, Rng rng) {
        boolean locked = rng.chance(0.2);
        List<BackupVault> vaults = List.of(
                new BackupVault("Default", false, null, null, null, ago(rng, 900), null),
                new BackupVault("prod-vault", locked, locked ? 7L : null, locked ? 365L : null,
                        locked ? ago(rng, 300) : null, ago(rng, 900), null));
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < ec2.instances().size(); i += 2) {
            resources.add("arn:aws:ec2:" + region + ":" + accountId + ":instance/" + ec2.instances().get(i).id());
        }
        rds.forEach(db -> resources.add("arn:aws:rds:" + region + ":" + accountId + ":db:" + db.id()));
        List<String> copies = rng.chance(0.15)
                ? List.of("arn:aws:backup:" + region + ":999988887777:backup-vault:central-copies") : List.of();
        String planId = Ids.uuid(accountId, region, "plan", "daily");
        BackupRule rule = new BackupRule(Ids.uuid(planId, "rule", "daily"), "daily", "prod-vault",
                "cron(0 " + rng.between(1, 6) + " ? * * *)", 35L, null, copies);
        BackupSelection selection = new BackupSelection(Ids.uuid(planId, "selection", "production"), "production",
                "arn:aws:iam::" + accountId + ":role/service-role/AWSBackupDefaultServiceRole", resources,
                ago(rng, 600));
        BackupPlan plan = new BackupPlan(planId, "daily-35d", ago(rng, 600), rng.hex(32), List.of(rule),
                List.of(selection));
        return new Backup(vaults, List.of(plan), List.of(), List.of());
    }

    private Instant ago(Rng rng, int maxDays) {
        return anchor.minus(Duration.ofMinutes(rng.nextInt(Math.max(1, maxDays) * 1440)));
    }
}
