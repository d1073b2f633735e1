package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/** Unencrypted storage leaks through snapshots shared or copied out of the account. */
public final class RdsStorageEncrypted extends AbstractCheck<DbInstanceFacts> {

    public RdsStorageEncrypted() {
        super(DbInstanceFacts.class);
    }

    @Override
    public CheckResult evaluate(DbInstanceFacts db, CheckContext context) {
        var evidence = Evidence.with("storageEncrypted", db.storageEncrypted()).and("cluster", db.clusterIdentifier()).build();
        if (db.storageEncrypted()) {
            return pass(DbInstances.resource(db, context.accountId()), DbInstances.label(db) + " has encrypted storage.", evidence);
        }
        return fail(DbInstances.resource(db, context.accountId()), DbInstances.label(db) + " stores its data and "
                + "snapshots unencrypted, so a snapshot shared or copied out of the account is readable. Encryption "
                + "cannot be turned on in place: restore an encrypted copy of a snapshot and switch over.", evidence);
    }
}
