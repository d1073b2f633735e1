package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/** Deletion protection makes destroying a database a two-step act, which slows down an intruder or a mistake. */
public final class RdsDeletionProtectionEnabled extends AbstractCheck<DbInstanceFacts> {

    public RdsDeletionProtectionEnabled() {
        super(DbInstanceFacts.class);
    }

    @Override
    public CheckResult evaluate(DbInstanceFacts db, CheckContext context) {
        var evidence = Evidence.with("deletionProtection", db.deletionProtection()).and("cluster", db.clusterIdentifier()).build();
        if (db.clusterMember()) {
            return notApplicable(DbInstances.resource(db, context.accountId()), DbInstances.label(db)
                    + " belongs to cluster " + db.clusterIdentifier().get() + ", where deletion protection is set.", evidence);
        }
        if (db.deletionProtection()) {
            return pass(DbInstances.resource(db, context.accountId()), DbInstances.label(db)
                    + " has deletion protection enabled.", evidence);
        }
        return fail(DbInstances.resource(db, context.accountId()), DbInstances.label(db) + " can be deleted with a "
                + "single API call: deletion protection is off. Turn it on (modify the instance, no downtime).", evidence);
    }
}
