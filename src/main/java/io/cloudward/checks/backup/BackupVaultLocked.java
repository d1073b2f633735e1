package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.BackupVaultFacts;

import java.time.Instant;
import java.util.Set;

/**
 * The Code Spaces lesson: backups an account takeover can delete are not backups. Only a Vault Lock in
 * compliance mode, past its cooling-off date, stops an administrator (or an intruder holding one's keys)
 * from deleting recovery points. A governance-mode lock is the GOVERNANCE variant: better than nothing, but
 * any administrator can remove it.
 */
public final class BackupVaultLocked extends AbstractCheck<BackupVaultFacts> {

    static final String GOVERNANCE = "GOVERNANCE";
    private static final String AIR_GAPPED = "LOGICALLY_AIR_GAPPED_BACKUP_VAULT";

    public BackupVaultLocked() {
        super(BackupVaultFacts.class);
    }

    @Override
    public Set<String> variants() {
        return Set.of(GOVERNANCE);
    }

    @Override
    public CheckResult evaluate(BackupVaultFacts vault, CheckContext context) {
        ResourceRef resource = ResourceRef.of("AwsBackupBackupVault", vault.arn(), vault.region(), context.accountId());
        var evidence = Evidence.with("vaultType", vault.vaultType()).and("locked", vault.locked())
                .and("lockDate", vault.lockDate()).and("minRetentionDays", vault.minRetentionDays())
                .and("recoveryPoints", vault.recoveryPointCount()).build();
        String label = "Backup vault " + vault.name() + " (" + vault.region() + ", "
                + Phrases.count(vault.recoveryPointCount(), "recovery point", "recovery points") + ")";
        if (vault.vaultType().equals(AIR_GAPPED)) {
            return pass(resource, label + " is a logically air-gapped vault, locked in compliance mode by design.", evidence);
        }
        if (!vault.locked()) {
            return fail(resource, label + " has no Vault Lock: anyone with administrator rights in account "
                    + context.accountId() + " can delete its recovery points, as happened to Code Spaces. Add a Vault "
                    + "Lock in compliance mode with a minimum retention that matches your recovery needs.", evidence);
        }
        if (vault.lockDate().isEmpty()) {
            return fail(resource, label + " is locked in governance mode: any administrator can remove the lock and "
                    + "then delete the recovery points. Convert it to compliance mode (set a ChangeableForDays "
                    + "cooling-off period).", evidence).withVariant(GOVERNANCE);
        }
        Instant immutableFrom = vault.lockDate().get();
        String retention = vault.minRetentionDays().map(days -> "; recovery points are kept at least " + days + " days").orElse("");
        if (immutableFrom.isAfter(context.now())) {
            return info(resource, label + " has a compliance-mode Vault Lock that becomes permanent on "
                    + Phrases.minute(immutableFrom) + "; until then it can still be removed" + retention + ".", evidence);
        }
        return pass(resource, label + " is locked in compliance mode since " + Phrases.day(immutableFrom) + retention + ".", evidence);
    }
}
