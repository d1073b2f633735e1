package io.cloudward.checks.exposure;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.DbInstanceFacts;

/** A publicly accessible database has a public IP: only its security group stands between it and the internet. */
public final class RdsNotPubliclyAccessible extends AbstractCheck<DbInstanceFacts> {

    public RdsNotPubliclyAccessible() {
        super(DbInstanceFacts.class);
    }

    @Override
    public CheckResult evaluate(DbInstanceFacts db, CheckContext context) {
        var evidence = Evidence.with("publiclyAccessible", db.publiclyAccessible())
                .and("endpoint", db.endpointAddress()).and("port", db.port()).build();
        if (!db.publiclyAccessible()) {
            return pass(DbInstances.resource(db, context.accountId()), DbInstances.label(db)
                    + " is not publicly accessible.", evidence);
        }
        String endpoint = db.endpointAddress().map(host -> " (" + host + db.port().map(p -> ":" + p).orElse("") + ")").orElse("");
        return fail(DbInstances.resource(db, context.accountId()), DbInstances.label(db) + " is publicly accessible: its "
                + "endpoint" + endpoint + " resolves to a public IP address, leaving its security group as the only "
                + "barrier. Turn off public access and reach it from inside the VPC.", evidence);
    }
}
