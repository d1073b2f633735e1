package io.cloudward.collect.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The recent backup jobs of one resource (ListBackupJobs with ByCreatedAfter, grouped by ResourceArn), so a
 * resource whose backups fail is one finding that a later successful job resolves.
 *
 * @param resourceArn  ResourceArn
 * @param resourceType ResourceType
 * @param region       the region
 * @param jobs         its jobs in the look-back window
 */
public record ResourceBackupJobs(String resourceArn, String resourceType, String region, List<Job> jobs) {

    public ResourceBackupJobs {
        Facts.text(resourceArn, "backup job resource ARN");
        Facts.text(resourceType, "backup job resource type");
        Facts.text(region, "backup job region");
        jobs = Facts.list(jobs, "backup jobs");
    }

    /**
     * @param jobId         BackupJobId
     * @param state         State
     * @param createdAt     CreationDate
     * @param completedAt   CompletionDate when finished
     * @param statusMessage StatusMessage, AWS's reason for a failure
     */
    public record Job(String jobId, State state, Instant createdAt, Optional<Instant> completedAt,
                      Optional<String> statusMessage) {
        public Job {
            Facts.text(jobId, "backup job id");
            Facts.present(state, "backup job state");
            Facts.present(createdAt, "backup job creation date");
            Facts.present(completedAt, "backup job completion date");
            Facts.present(statusMessage, "backup job status message");
        }
    }

    /** BackupJobState. */
    public enum State {
        CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED, EXPIRED, PARTIAL;

        /** Ended without a complete recovery point. */
        public boolean unsuccessful() {
            return this == ABORTED || this == FAILED || this == EXPIRED || this == PARTIAL;
        }
    }
}
