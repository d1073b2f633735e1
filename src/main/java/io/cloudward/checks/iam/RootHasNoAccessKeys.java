package io.cloudward.checks.iam;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.collect.snapshot.CredentialReportRow.AccessKey;
import io.cloudward.collect.snapshot.RootCredentials;

import java.util.List;

/** Root access keys are unrestricted, cannot be limited by any policy, and leak like any other key. */
public final class RootHasNoAccessKeys extends AbstractCheck<RootCredentials> {

    public RootHasNoAccessKeys() {
        super(RootCredentials.class);
    }

    @Override
    public CheckResult evaluate(RootCredentials root, CheckContext context) {
        var resource = IamResources.root(root.row(), context.accountId());
        List<Integer> active = root.row().activeAccessKeys().stream().map(AccessKey::slot).toList();
        var evidence = Evidence.with("activeAccessKeys", active).build();
        if (active.isEmpty()) {
            return pass(resource, "The root user of account " + context.accountId() + " has no active access keys.", evidence);
        }
        return fail(resource, "The root user of account " + context.accountId() + " has "
                + (active.size() == 1 ? "an active access key" : active.size() + " active access keys")
                + ": anyone holding " + (active.size() == 1 ? "it" : "one") + " has unrestricted control of the account. "
                + "Replace its uses with IAM roles, then delete the root access keys.", evidence);
    }
}
