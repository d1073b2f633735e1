package io.cloudward.scoring;

import io.agroal.api.AgroalDataSource;
import io.cloudward.tenancy.TenantDirectory;
import io.quarkus.agroal.DataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Refreshes today's score snapshot of every tenant (so the trend has a point for every day, scans or not) and
 * deletes snapshots past their retention. Runs on every instance: the upserts and the delete are idempotent and
 * the change announcement locks its baseline, so instances running it at once do no harm.
 */
@ApplicationScoped
public class ScoreSnapshotJob {
    private static final Logger LOG = Logger.getLogger(ScoreSnapshotJob.class);

    private final TenantDirectory tenants;
    private final ScoreService scores;
    private final ScoreConfig config;
    private final AgroalDataSource platform;

    public ScoreSnapshotJob(TenantDirectory tenants, ScoreService scores, ScoreConfig config,
                            @DataSource("platform") AgroalDataSource platform) {
        this.tenants = tenants;
        this.scores = scores;
        this.config = config;
        this.platform = platform;
    }

    @Scheduled(every = "${cloudward.scores.snapshot-every:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() throws SQLException {
        purge();
        for (TenantDirectory.TenantSummary tenant : tenants.allTenants()) {
            try {
                scores.recordSnapshots(tenant.id());
            } catch (RuntimeException e) {
                // one tenant's failure must not cost the others their day's point
                LOG.warnf(e, "score snapshots of tenant %s failed", tenant.id());
            }
        }
    }

    void purge() throws SQLException {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(
                "delete from score_snapshot where day < (now() at time zone 'UTC')::date - ?")) {
            s.setInt(1, config.retentionDays());
            int deleted = s.executeUpdate();
            if (deleted > 0) {
                LOG.infof("deleted %d score snapshots older than %d days", deleted, config.retentionDays());
            }
        }
    }
}
