package io.cloudward.checks.exposure;

import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/** Shared wording for RDS results. */
final class DbInstances {

    static final String RESOURCE_TYPE = "AwsRdsDbInstance";

    private DbInstances() {
    }

    static ResourceRef resource(DbInstanceFacts db, String accountId) {
        return ResourceRef.of(RESOURCE_TYPE, db.arn(), db.region(), accountId);
    }

    /** "RDS instance orders-db (postgres, eu-west-1)". */
    static String label(DbInstanceFacts db) {
        return "RDS instance " + db.identifier() + " (" + db.engine() + ", " + db.region() + ")";
    }
}
