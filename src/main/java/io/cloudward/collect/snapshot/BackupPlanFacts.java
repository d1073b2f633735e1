package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * One AWS Backup plan: ListBackupPlans then GetBackupPlan for its rules.
 *
 * @param planId  BackupPlanId
 * @param arn     BackupPlanArn
 * @param name    BackupPlanName
 * @param region  its region
 * @param rules   BackupPlan.Rules
 */
public record BackupPlanFacts(String planId, String arn, String name, String region, List<Rule> rules) {

    public BackupPlanFacts {
        Facts.text(planId, "backup plan id");
        Facts.text(arn, "backup plan ARN");
        Facts.text(name, "backup plan name");
        Facts.text(region, "backup plan region");
        rules = Facts.list(rules, "backup plan rules");
    }

    /**
     * @param name                            RuleName
     * @param targetVaultName                 TargetBackupVaultName
     * @param targetLogicallyAirGappedVaultArn TargetLogicallyAirGappedBackupVaultArn, when the rule writes there
     * @param copyActions                     CopyActions
     */
    public record Rule(String name, String targetVaultName, Optional<String> targetLogicallyAirGappedVaultArn,
                       List<CopyAction> copyActions) {
        public Rule {
            Facts.text(name, "backup rule name");
            Facts.text(targetVaultName, "backup rule target vault");
            Facts.present(targetLogicallyAirGappedVaultArn, "logically air-gapped target vault");
            copyActions = Facts.list(copyActions, "copy actions");
        }
    }

    /**
     * @param destinationVaultArn DestinationBackupVaultArn
     * @param deleteAfterDays     Lifecycle.DeleteAfterDays of the copy, when set
     */
    public record CopyAction(String destinationVaultArn, Optional<Long> deleteAfterDays) {
        public CopyAction {
            Facts.text(destinationVaultArn, "copy destination vault ARN");
            Facts.present(deleteAfterDays, "copy retention");
        }
    }
}
