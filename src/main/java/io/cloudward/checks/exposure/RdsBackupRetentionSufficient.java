package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/** Automated backups with enough retention allow point-in-time recovery after corruption or deletion. */
public final class RdsBackupRetentionSufficient extends AbstractCheck<DbInstanceFacts> {

    public RdsBackupRetentionSufficient() {
        super(DbInstanceFacts.class);
    }

    @Override
    public CheckResult evaluate(DbInstanceFacts db, CheckContext context) {
        int required = context.thresholds().rdsMinBackupRetentionDays();
        var evidence = Evidence.with("backupRetentionDays", db.backupRetentionDays()).and("requiredDays", required)
                .and("cluster", db.clusterIdentifier()).build();
        var resource = DbInstances.resource(db, context.accountId());
        if (db.clusterMember()) {
            return notApplicable(resource, DbInstances.label(db) + " belongs to cluster " + db.clusterIdentifier().get()
                    + ", whose backup retention applies.", evidence);
        }
        if (db.backupRetentionDays() == 0) {
            return fail(resource, DbInstances.label(db) + " has automated backups turned off (retention 0 days): there "
                    + "is no point-in-time recovery. Set the backup retention period to at least " + required + " days.", evidence);
        }
        if (db.backupRetentionDays() < required) {
            return fail(resource, DbInstances.label(db) + " keeps automated backups for only " + db.backupRetentionDays()
                    + " days; raise the retention period to at least " + required + " days.", evidence);
        }
        return pass(resource, DbInstances.label(db) + " keeps automated backups for " + db.backupRetentionDays()
                + " days (at least " + required + " required).", evidence);
    }
}
