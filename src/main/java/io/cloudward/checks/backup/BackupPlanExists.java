package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.AccountBackupPlans;

import java.util.List;

/** Without any AWS Backup plan nothing is backed up on a schedule, and a deleted resource is gone. */
public final class BackupPlanExists extends AbstractCheck<AccountBackupPlans> {

    public BackupPlanExists() {
        super(AccountBackupPlans.class);
    }

    @Override
    public CheckResult evaluate(AccountBackupPlans facts, CheckContext context) {
        ResourceRef resource = ResourceRef.account(context.accountId());
        List<String> plans = facts.plans().stream().map(plan -> plan.name() + " (" + plan.region() + ")").toList();
        var evidence = Evidence.with("plans", plans).and("regions", facts.regions()).build();
        if (!plans.isEmpty()) {
            return pass(resource, "Account " + context.accountId() + " has "
                    + Phrases.count(plans.size(), "AWS Backup plan", "AWS Backup plans") + ": " + Phrases.list(plans, 5) + ".", evidence);
        }
        return fail(resource, "Account " + context.accountId() + " has no AWS Backup plan in "
                + (facts.regions().isEmpty() ? "any region" : Phrases.list(facts.regions(), 8))
                + ": nothing is backed up on a schedule, so a deleted volume or database cannot be restored. "
                + "Create a backup plan and assign your volumes and databases to it.", evidence);
    }
}
