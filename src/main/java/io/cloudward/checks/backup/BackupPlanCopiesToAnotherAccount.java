package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.Arns;
import io.cloudward.collect.snapshot.BackupPlanFacts;
import io.cloudward.collect.snapshot.BackupPlanFacts.CopyAction;
import io.cloudward.collect.snapshot.BackupPlanFacts.Rule;

import java.util.List;
import java.util.Optional;

/**
 * A backup plan keeps a copy outside the account's reach: a copy action to a vault in another account, or
 * a rule writing to a logically air-gapped vault. Otherwise whoever takes over the account can delete the
 * data and its backups together, as at Code Spaces.
 */
public final class BackupPlanCopiesToAnotherAccount extends AbstractCheck<BackupPlanFacts> {

    public BackupPlanCopiesToAnotherAccount() {
        super(BackupPlanFacts.class);
    }

    @Override
    public CheckResult evaluate(BackupPlanFacts plan, CheckContext context) {
        ResourceRef resource = ResourceRef.of("AwsBackupBackupPlan", plan.arn(), plan.region(), context.accountId());
        List<String> destinations = plan.rules().stream().flatMap(rule -> rule.copyActions().stream())
                .map(CopyAction::destinationVaultArn).distinct().toList();
        List<String> offAccount = destinations.stream()
                .filter(arn -> Arns.accountOf(arn).filter(account -> !account.equals(context.accountId())).isPresent()).toList();
        Optional<String> airGapped = plan.rules().stream().map(Rule::targetLogicallyAirGappedVaultArn)
                .flatMap(Optional::stream).findFirst();
        var evidence = Evidence.with("copyDestinations", destinations).and("otherAccountDestinations", offAccount)
                .and("logicallyAirGappedVault", airGapped).build();
        String label = "Backup plan " + plan.name() + " (" + plan.region() + ")";
        if (!offAccount.isEmpty()) {
            return pass(resource, label + " copies recovery points to " + Phrases.list(offAccount, 2)
                    + ", outside account " + context.accountId() + ".", evidence);
        }
        if (airGapped.isPresent()) {
            return pass(resource, label + " writes to logically air-gapped vault " + airGapped.get()
                    + ", whose recovery points nobody in the account can delete early.", evidence);
        }
        String copies = destinations.isEmpty() ? "makes no copies"
                : "copies only within account " + context.accountId() + " (" + Phrases.list(destinations, 2) + ")";
        return fail(resource, label + " " + copies + ": whoever takes over account " + context.accountId()
                + " can delete the data and its backups together, as at Code Spaces. Add a copy action to a locked "
                + "vault in a separate backup account.", evidence);
    }
}
