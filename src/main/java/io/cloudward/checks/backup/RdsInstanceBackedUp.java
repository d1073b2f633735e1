package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.DbInstanceBackupCoverage;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/**
 * Every RDS database is protected by AWS Backup. Automated RDS backups are deleted with the instance by
 * default, so they do not protect against someone deleting it.
 */
public final class RdsInstanceBackedUp extends AbstractCheck<DbInstanceBackupCoverage> {

    public RdsInstanceBackedUp() {
        super(DbInstanceBackupCoverage.class);
    }

    @Override
    public CheckResult evaluate(DbInstanceBackupCoverage coverage, CheckContext context) {
        DbInstanceFacts db = coverage.instance();
        var resource = BackupResources.of("RDS", db.arn(), db.region(), context.accountId());
        var evidence = Evidence.with("protected", coverage.protection().isPresent())
                .and("protectedAs", coverage.protection().map(p -> p.resourceArn()))
                .and("lastBackupTime", coverage.protection().flatMap(p -> p.lastBackupTime())).build();
        String label = "RDS instance " + db.identifier() + " (" + db.engine() + ", " + db.region() + ")"
                + db.clusterIdentifier().map(cluster -> " in cluster " + cluster).orElse("");
        return coverage.protection()
                .map(protection -> pass(resource, label + " is protected by AWS Backup"
                        + Coverage.lastBackup(protection, context.now()) + ".", evidence))
                .orElseGet(() -> fail(resource, label + " is not protected by AWS Backup: its automated backups "
                        + "disappear with the instance when it is deleted. Add "
                        + (db.clusterMember() ? "the cluster" : "the instance") + " to a backup plan.", evidence));
    }
}
