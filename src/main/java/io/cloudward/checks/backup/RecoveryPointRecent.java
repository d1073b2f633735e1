package io.cloudward.checks.backup;

import io.cloudward.checks.AbstractCheck;
import io.cloudward.checks.CheckContext;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.Evidence;
import io.cloudward.checks.Phrases;
import io.cloudward.collect.snapshot.ProtectedResourceFacts;
import io.cloudward.collect.snapshot.ProtectedResourceFacts.RecoveryPoint;

import java.time.Duration;

/** A backup plan that silently stopped working is discovered on the day of the restore; this finds it first. */
public final class RecoveryPointRecent extends AbstractCheck<ProtectedResourceFacts> {

    public RecoveryPointRecent() {
        super(ProtectedResourceFacts.class);
    }

    @Override
    public CheckResult evaluate(ProtectedResourceFacts facts, CheckContext context) {
        int maxAgeHours = context.thresholds().recoveryPointMaxAgeHours();
        var resource = BackupResources.of(facts.resourceType(), facts.resourceArn(), facts.region(), context.accountId());
        var evidence = Evidence.with("latestRecoveryPoint", facts.latestCompletedRecoveryPoint().map(RecoveryPoint::arn))
                .and("latestRecoveryPointCreated", facts.latestCompletedRecoveryPoint().map(RecoveryPoint::createdAt))
                .and("maxAgeHours", maxAgeHours).build();
        String label = facts.resourceType() + " resource " + facts.resourceName().orElse(facts.resourceArn())
                + " (" + facts.region() + ")";
        if (facts.latestCompletedRecoveryPoint().isEmpty()) {
            return fail(resource, label + " has no completed recovery point in AWS Backup, so there is nothing to "
                    + "restore. Check the backup jobs of its plan for errors.", evidence);
        }
        RecoveryPoint latest = facts.latestCompletedRecoveryPoint().get();
        Duration age = Duration.between(latest.createdAt(), context.now());
        if (age.compareTo(Duration.ofHours(maxAgeHours)) > 0) {
            return fail(resource, "The newest completed recovery point of " + label + " is from "
                    + Phrases.minute(latest.createdAt()) + ", " + Phrases.age(age) + " old (more than " + maxAgeHours
                    + " hours): a restore today would lose everything since. Check its backup plan and jobs.", evidence);
        }
        return pass(resource, label + " has a completed recovery point from " + Phrases.ago(latest.createdAt(), context.now())
                + " in vault " + latest.vaultName() + ".", evidence);
    }
}
