package io.cloudward.sandbox.estate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a region changes hour by hour as the sandbox clock advances: GuardDuty findings appear, recur
 * (count and updatedAt grow) and get archived; scheduled backups run, sometimes fail, and their
 * recovery points expire. Every step is derived from the seed and the hour alone, so the region at a
 * given hour is the same whether it was followed all along or rebuilt after being evicted from memory.
 */
final class RegionTimeline {

    private static final Duration FINDING_RETENTION = Duration.ofDays(90);
    private static final Duration JOB_HISTORY = Duration.ofDays(30);
    private static final List<String> REMOTE_IPS = List.of("185.220.101.47", "45.155.205.233", "91.240.118.172",
            "103.251.167.20", "194.26.29.113");
    private static final List<String[]> REMOTE_PLACES = List.of(
            new String[] {"Russia", "Moscow", "Petersburg Internet Network ltd."},
            new String[] {"Netherlands", "Amsterdam", "Tor Exit Relay"},
            new String[] {"China", "Shenzhen", "Chinanet"},
            new String[] {"Brazil", "Sao Paulo", "Hostinger"},
            new String[] {"Romania", "Bucharest", "M247 Europe SRL"});
    private static final List<String> BACKUP_FAILURES = List.of(
            "Insufficient privileges to perform this action.",
            "The resource is in an invalid state and cannot be backed up.",
            "An internal error occurred. Backup job was not completed.");

    private final Account account;
    private final String region;
    private final RegionSpec spec;
    private final Activity activity;
    private final long seed;
    private final Instant anchor;
    private final RoutineEvents routineEvents;
    private final long hourKey;
    private final List<Finding> findings;
    private final List<BackupJob> jobs;
    private final List<RecoveryPoint> points;
    private long hour;
    private RegionView view;

    /**
     * @param historyHours hours of activity to replay before the anchor (generated regions start empty
     *                     and get 90 days of history this way; file regions start from the file)
     */
    RegionTimeline(Account account, String region, RegionSpec spec, long seed, Instant anchor, long historyHours) {
        this.account = account;
        this.region = region;
        this.spec = spec;
        this.activity = spec.activity() != null ? spec.activity() : account.activity();
        this.seed = seed;
        this.anchor = anchor;
        this.routineEvents = new RoutineEvents(account.id(), region, seed, anchor, activity.eventsPerHour(),
                account.iam().users().stream().map(IamUser::name).toList());
        this.findings = new ArrayList<>(spec.guardduty() == null ? List.of() : spec.guardduty().findings());
        this.jobs = new ArrayList<>(spec.backupOrEmpty().jobs());
        this.points = new ArrayList<>(spec.backupOrEmpty().recoveryPoints());
        this.hourKey = Rng.key(seed, account.id(), region, "hour");
        this.hour = -historyHours;
        advanceTo(0);
    }

    synchronized RegionView viewAt(Instant now) {
        long target = Math.floorDiv(Duration.between(anchor, now).toMillis(), Duration.ofHours(1).toMillis());
        if (target > hour) {
            advanceTo(target);
        }
        if (view == null) {
            prune(anchor.plus(Duration.ofHours(hour)));
            view = new RegionView(account, region, spec, List.copyOf(findings), List.copyOf(jobs),
                    List.copyOf(points), anchor, routineEvents);
        }
        return view;
    }

    private void advanceTo(long target) {
        for (long h = hour + 1; h <= target; h++) {
            step(h);
        }
        hour = Math.max(hour, target);
        view = null;
    }

    private void step(long h) {
        Instant start = anchor.plus(Duration.ofHours(h));
        Rng rng = Rng.at(hourKey, h);
        if (spec.guardduty() != null && spec.guardduty().enabled()) {
            evolveFindings(h, start, rng);
        }
        if (!spec.backupOrEmpty().plans().isEmpty()) {
            runScheduledBackups(h, start, rng);
        }
        if (Math.floorMod(h, 24) == 0) {
            prune(start);
        }
    }

    /** Drops what AWS no longer shows: findings after 90 days, jobs after 30, expired recovery points. */
    private void prune(Instant now) {
        findings.removeIf(finding -> finding.updatedAt().isBefore(now.minus(FINDING_RETENTION)));
        jobs.removeIf(job -> job.created().isBefore(now.minus(JOB_HISTORY)));
        points.removeIf(point -> point.expiredAt(now));
    }

    private void evolveFindings(long h, Instant start, Rng rng) {
        if (rng.chance(activity.findingsPerDay() / 24)) {
            newFinding(h, start.plusSeconds(rng.nextInt(3600)), rng).ifPresent(findings::add);
        }
        if (rng.chance(activity.recurrencesPerDay() / 24)) {
            openFinding(rng).ifPresent(index -> findings.set(index,
                    findings.get(index).recurred(1 + rng.nextInt(5), start.plusSeconds(rng.nextInt(3600)))));
        }
        if (rng.chance(activity.archivalsPerDay() / 24)) {
            openFinding(rng).ifPresent(index -> findings.set(index,
                    findings.get(index).archivedAt(start.plusSeconds(rng.nextInt(3600)))));
        }
    }

    /** The index of a finding that is not archived, picked at random. */
    private Optional<Integer> openFinding(Rng rng) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (!findings.get(i).archived()) {
                open.add(i);
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(rng.pick(open));
    }

    private Optional<Finding> newFinding(long h, Instant at, Rng rng) {
        List<String> instances = spec.ec2OrEmpty().instances().stream()
                .filter(instance -> !instance.state().equals("terminated")).map(Instance::id).toList();
        List<String> users = account.iam().users().stream().map(IamUser::name).toList();
        List<String> buckets = account.s3().buckets().stream()
                .filter(bucket -> bucket.region().equals(region)).map(Bucket::name).toList();
        List<String> kinds = new ArrayList<>();
        if (!instances.isEmpty()) {
            kinds.addAll(List.of("Instance", "Instance", "Instance"));
        }
        if (!users.isEmpty()) {
            kinds.add("AccessKey");
        }
        if (!buckets.isEmpty()) {
            kinds.add("S3Bucket");
        }
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        String kind = rng.pick(kinds);
        FindingType type = rng.pick(FindingCatalog.forResource(kind));
        String subject;
        FindingResource resource;
        switch (kind) {
            case "Instance" -> {
                subject = rng.pick(instances);
                resource = new FindingResource(kind, subject, null, null, null);
            }
            case "AccessKey" -> {
                subject = rng.pick(users);
                resource = new FindingResource(kind, null, subject,
                        "AKIA" + Rng.of(seed, account.id(), subject).hex(16).toUpperCase(), null);
            }
            default -> {
                subject = rng.pick(buckets);
                resource = new FindingResource(kind, null, null, null, subject);
            }
        }
        int place = rng.nextInt(REMOTE_IPS.size());
        String[] where = REMOTE_PLACES.get(place);
        FindingAction action = new FindingAction(type.actionType(), type.api(), type.serviceName(),
                REMOTE_IPS.get(place), where[0], where[1], where[2], type.port(), type.domain());
        return Optional.of(new Finding(Ids.hex32(account.id(), region, "activity-finding", h), type.name(),
                type.severity(), type.title(subject), type.description(subject), at, at, false, 1, resource, action));
    }

    private void runScheduledBackups(long h, Instant start, Rng rng) {
        Backup backup = spec.backupOrEmpty();
        int hourOfDay = start.atOffset(ZoneOffset.UTC).getHour();
        for (BackupPlan plan : backup.plans()) {
            for (BackupRule rule : plan.rules()) {
                if (rule.dailyHourUtc() != hourOfDay) {
                    continue;
                }
                for (BackupSelection selection : plan.selections()) {
                    for (String resourceArn : selection.resources()) {
                        runBackup(h, start.plusSeconds(rng.nextInt(900)), rng, backup, plan, rule, resourceArn);
                    }
                }
            }
        }
    }

    private void runBackup(long h, Instant created, Rng rng, Backup backup, BackupPlan plan, BackupRule rule,
                           String resourceArn) {
        String type = ResourceArns.backupResourceType(resourceArn);
        String jobId = Ids.jobId(account.id(), region, "scheduled-job", h, resourceArn);
        Instant completed = created.plusSeconds(600 + rng.nextInt(3000));
        String failure = null;
        if (!backup.hasVault(rule.vault())) {
            failure = "Backup vault " + rule.vault() + " does not exist.";
        } else if (!resourceExists(resourceArn)) {
            failure = "Unable to find resource " + resourceArn + ".";
        } else if (rng.chance(activity.backupFailureRate())) {
            failure = rng.pick(BACKUP_FAILURES);
        }
        long size = 1_000_000_000L + rng.nextInt(50_000_000) * 100L;
        if (failure != null) {
            jobs.add(new BackupJob(jobId, rule.vault(), resourceArn, type, "FAILED", created, completed, failure,
                    plan.id(), null));
            return;
        }
        jobs.add(new BackupJob(jobId, rule.vault(), resourceArn, type, "COMPLETED", created, completed, null,
                plan.id(), size));
        points.add(new RecoveryPoint(Ids.uuid(account.id(), region, "scheduled-rp", h, resourceArn), rule.vault(),
                resourceArn, type, "COMPLETED", created, rule.deleteAfterDays(), size, plan.id()));
    }

    private boolean resourceExists(String arn) {
        String name = ResourceArns.resourceName(arn);
        return switch (ResourceArns.backupResourceType(arn)) {
            case "EC2" -> spec.ec2OrEmpty().instances().stream()
                    .anyMatch(instance -> instance.id().equals(name) && !instance.state().equals("terminated"));
            case "EBS" -> spec.ec2OrEmpty().volumes().stream().anyMatch(volume -> volume.id().equals(name));
            case "RDS" -> spec.rdsOrEmpty().stream().anyMatch(db -> db.id().equals(name));
            case "S3" -> account.s3().buckets().stream().anyMatch(bucket -> bucket.name().equals(name));
            default -> true;
        };
    }
}
