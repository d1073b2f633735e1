package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.ResourceBackupJobs;
import io.cloudward.collect.snapshot.ResourceBackupJobs.Job;
import io.cloudward.collect.snapshot.ResourceBackupJobs.State;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Backup jobs of a resource that failed, expired, were aborted or only partly completed within the window.
 * A later completed job means the resource recovered, which passes.
 */
public final class BackupJobsSucceeding extends AbstractCheck<ResourceBackupJobs> {

    public BackupJobsSucceeding() {
        super(ResourceBackupJobs.class);
    }

    @Override
    public CheckResult evaluate(ResourceBackupJobs facts, CheckContext context) {
        int windowHours = context.thresholds().backupJobWindowHours();
        Instant since = context.now().minus(Duration.ofHours(windowHours));
        List<Job> recent = facts.jobs().stream().filter(job -> !job.createdAt().isBefore(since))
                .sorted(Comparator.comparing(Job::createdAt)).toList();
        List<Job> unsuccessful = recent.stream().filter(job -> job.state().unsuccessful()).toList();
        Optional<Job> lastCompleted = recent.stream().filter(job -> job.state() == State.COMPLETED).reduce((a, b) -> b);
        var resource = BackupResources.of(facts.resourceType(), facts.resourceArn(), facts.region(), context.accountId());
        var evidence = Evidence.with("jobsInWindow", recent.size())
                .and("unsuccessfulJobs", unsuccessful.stream().map(job -> job.jobId() + " " + job.state()).toList())
                .and("windowHours", windowHours).build();
        String label = facts.resourceType() + " resource " + facts.resourceArn();
        if (unsuccessful.isEmpty()) {
            return pass(resource, "No backup job of " + label + " failed in the last " + windowHours + " hours.", evidence);
        }
        Job lastFailure = unsuccessful.getLast();
        if (lastCompleted.filter(done -> done.createdAt().isAfter(lastFailure.createdAt())).isPresent()) {
            return pass(resource, "Backups of " + label + " recovered: job " + lastFailure.jobId() + " ended "
                    + lastFailure.state() + " at " + Phrases.minute(lastFailure.createdAt()) + ", and a later job completed.", evidence);
        }
        return fail(resource, Phrases.count(unsuccessful.size(), "backup job", "backup jobs") + " of " + label
                + " did not complete in the last " + windowHours + " hours and none succeeded since; the latest, "
                + lastFailure.jobId() + ", ended " + lastFailure.state() + " at " + Phrases.minute(lastFailure.createdAt())
                + lastFailure.statusMessage().map(message -> ": " + message).orElse("")
                + ". Fix the cause (often the backup role's permissions or a KMS key policy) and run an on-demand backup.", evidence);
    }
}
