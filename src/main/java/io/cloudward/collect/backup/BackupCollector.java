package io.cloudward.collect.backup;

import io.cloudward.collect.AwsSourceCollector;
import io.cloudward.collect.FactSink;
import io.cloudward.collect.Source;
import io.cloudward.collect.SourceRun;
import io.cloudward.collect.exposure.ExposureRdsCollector;
import io.cloudward.collect.snapshot.Arns;
import io.cloudward.collect.snapshot.BackupPlanFacts;
import io.cloudward.collect.snapshot.BackupVaultFacts;
import io.cloudward.collect.snapshot.DbInstanceBackupCoverage;
import io.cloudward.collect.snapshot.ProtectedResourceFacts;
import io.cloudward.collect.snapshot.ResourceBackupJobs;
import io.cloudward.collect.snapshot.VolumeBackupCoverage;
import io.cloudward.collect.snapshot.VolumeFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * AWS Backup in one region: plans and their rules, vaults and their locks, what is protected and its newest
 * completed recovery point, the jobs of the last 24 hours per resource, and coverage — every EBS volume and
 * RDS instance with its protection or none.
 *
 * <p>Aggregates kept, each the smallest that answers its question: the newest completed recovery point per
 * resource and the protected resources by ARN (both sized by what AWS Backup protects, not by the number
 * of recovery points), and the last day's jobs by resource. Volumes and DB instances stream through.
 */
public final class BackupCollector extends AwsSourceCollector {

    static final Duration JOB_WINDOW = Duration.ofHours(24);

    @Override
    public Source source() {
        return Source.BACKUP;
    }

    @Override
    protected void collect(SourceRun run, FactSink sink) {
        BackupClient backup = run.clients().backup(run.sdkRegion());
        Map<String, ProtectedResourceFacts.RecoveryPoint> latest = new HashMap<>();
        for (String vault : vaults(run, backup, sink)) {
            run.pages("backup:ListRecoveryPointsByBackupVault", token -> backup.listRecoveryPointsByBackupVault(request ->
                    request.backupVaultName(vault).nextToken(token)), response -> response.recoveryPoints(),
                    response -> response.nextToken(), point -> keepNewestCompleted(latest, point));
        }
        Map<String, ProtectedResourceFacts> protectedResources = new HashMap<>();
        run.pages("backup:ListProtectedResources", token -> backup.listProtectedResources(request -> request.nextToken(token)),
                response -> response.results(), response -> response.nextToken(), resource -> {
                    ProtectedResourceFacts facts = protectedResource(run.region(), resource, latest);
                    protectedResources.put(facts.resourceArn(), facts);
                    sink.snapshot(facts);
                });
        run.pages("backup:ListBackupPlans", token -> backup.listBackupPlans(request -> request.nextToken(token)),
                response -> response.backupPlansList(), response -> response.nextToken(),
                plan -> sink.snapshot(plan(run, backup, plan)));
        jobs(run, backup, sink);
        volumes(run, sink, protectedResources);
        ExposureRdsCollector.eachDbInstance(run, instance -> {
            Optional<ProtectedResourceFacts> protection = Optional.ofNullable(protectedResources.get(instance.arn()))
                    .or(() -> instance.clusterIdentifier().map(cluster -> protectedResources.get(
                            Arns.of("rds", run.region(), run.accountId(), "cluster:" + cluster))));
            sink.snapshot(new DbInstanceBackupCoverage(instance, protection));
        });
    }

    private static List<String> vaults(SourceRun run, BackupClient backup, FactSink sink) {
        List<String> names = new ArrayList<>();
        run.pages("backup:ListBackupVaults", token -> backup.listBackupVaults(request -> request.nextToken(token)),
                response -> response.backupVaultList(), response -> response.nextToken(), vault -> {
                    names.add(vault.backupVaultName());
                    sink.snapshot(vault(run.region(), vault));
                });
        return names;
    }

    static BackupVaultFacts vault(String region, BackupVaultListMember vault) {
        return new BackupVaultFacts(vault.backupVaultName(), vault.backupVaultArn(), region,
                vault.vaultType() == null ? "BACKUP_VAULT" : vault.vaultTypeAsString(), Boolean.TRUE.equals(vault.locked()),
                Optional.ofNullable(vault.minRetentionDays()), Optional.ofNullable(vault.maxRetentionDays()),
                Optional.ofNullable(vault.lockDate()),
                vault.numberOfRecoveryPoints() == null ? 0 : vault.numberOfRecoveryPoints());
    }

    static void keepNewestCompleted(Map<String, ProtectedResourceFacts.RecoveryPoint> latest, RecoveryPointByBackupVault point) {
        if (point.resourceArn() == null || point.creationDate() == null
                || (point.status() != RecoveryPointStatus.COMPLETED && point.status() != RecoveryPointStatus.AVAILABLE)) {
            return;
        }
        latest.merge(point.resourceArn(), new ProtectedResourceFacts.RecoveryPoint(point.recoveryPointArn(),
                point.creationDate(), point.backupVaultName()),
                (kept, candidate) -> candidate.createdAt().isAfter(kept.createdAt()) ? candidate : kept);
    }

    private static ProtectedResourceFacts protectedResource(String region, ProtectedResource resource,
                                                            Map<String, ProtectedResourceFacts.RecoveryPoint> latest) {
        return new ProtectedResourceFacts(resource.resourceArn(), resource.resourceType(), region,
                Optional.ofNullable(resource.resourceName()).filter(name -> !name.isBlank()),
                Optional.ofNullable(resource.lastBackupTime()), Optional.ofNullable(latest.get(resource.resourceArn())));
    }

    private static BackupPlanFacts plan(SourceRun run, BackupClient backup, BackupPlansListMember plan) {
        var rules = run.call("backup:GetBackupPlan", () -> backup.getBackupPlan(request -> request
                .backupPlanId(plan.backupPlanId()))).backupPlan().rules();
        return new BackupPlanFacts(plan.backupPlanId(), plan.backupPlanArn(), plan.backupPlanName(), run.region(),
                rules.stream().map(BackupCollector::rule).toList());
    }

    static BackupPlanFacts.Rule rule(BackupRule rule) {
        return new BackupPlanFacts.Rule(rule.ruleName(), rule.targetBackupVaultName(),
                Optional.ofNullable(rule.targetLogicallyAirGappedBackupVaultArn()),
                rule.copyActions().stream().map(BackupCollector::copy).toList());
    }

    private static BackupPlanFacts.CopyAction copy(CopyAction copy) {
        return new BackupPlanFacts.CopyAction(copy.destinationBackupVaultArn(),
                Optional.ofNullable(copy.lifecycle()).map(lifecycle -> lifecycle.deleteAfterDays()));
    }

    private static void jobs(SourceRun run, BackupClient backup, FactSink sink) {
        Instant after = run.now().minus(JOB_WINDOW);
        Map<String, List<BackupJob>> byResource = new LinkedHashMap<>();
        run.pages("backup:ListBackupJobs", token -> backup.listBackupJobs(request -> request.byCreatedAfter(after)
                        .nextToken(token)), response -> response.backupJobs(), response -> response.nextToken(),
                job -> byResource.computeIfAbsent(job.resourceArn(), arn -> new ArrayList<>()).add(job));
        byResource.forEach((arn, jobs) -> sink.snapshot(new ResourceBackupJobs(arn, jobs.getFirst().resourceType(),
                run.region(), jobs.stream().map(BackupCollector::job).toList())));
    }

    static ResourceBackupJobs.Job job(BackupJob job) {
        return new ResourceBackupJobs.Job(job.backupJobId(), ResourceBackupJobs.State.valueOf(job.stateAsString()),
                job.creationDate(), Optional.ofNullable(job.completionDate()),
                Optional.ofNullable(job.statusMessage()).filter(message -> !message.isBlank()));
    }

    private static void volumes(SourceRun run, FactSink sink, Map<String, ProtectedResourceFacts> protectedResources) {
        Ec2Client ec2 = run.clients().ec2(run.sdkRegion());
        run.pages("ec2:DescribeVolumes", token -> ec2.describeVolumes(request -> request.maxResults(1000).nextToken(token)),
                response -> response.volumes(), response -> response.nextToken(), volume -> {
                    VolumeFacts facts = volume(run, volume);
                    sink.snapshot(new VolumeBackupCoverage(facts, Optional.ofNullable(protectedResources.get(facts.arn()))));
                });
    }

    private static VolumeFacts volume(SourceRun run, Volume volume) {
        return new VolumeFacts(volume.volumeId(), run.region(), run.accountId(), volume.size() == null ? 1 : volume.size(),
                volume.stateAsString(), volume.attachments().stream().map(VolumeAttachment::instanceId).toList());
    }
}
