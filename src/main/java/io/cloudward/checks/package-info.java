/**
 * The check layer: pure judgements over collected facts, with their metadata.
 *
 * <p>Collectors build the snapshot records of {@link io.cloudward.collect.snapshot} and pass each one to
 * {@link io.cloudward.checks.CheckRegistry#evaluate(Object, io.cloudward.checks.CheckContext)}, which runs every
 * check taking that type and returns one {@link io.cloudward.checks.CheckResult} per check. Inputs are
 * independent, so large collections are streamed page by page and never held whole:
 * <ul>
 *   <li>per resource: SecurityGroupFacts (with its attachments from an AttachmentIndex), DbInstanceFacts,
 *       BucketFacts, TrailFacts, UserCredentials, RootCredentials, ConfigRuleCompliance, BackupVaultFacts,
 *       BackupPlanFacts, ProtectedResourceFacts, ResourceBackupJobs, VolumeBackupCoverage,
 *       DbInstanceBackupCoverage;</li>
 *   <li>per region: DetectorFacts, ConfigRecorderFacts, EbsEncryptionDefaults, RunningInstances;</li>
 *   <li>per account: AccountGuardDuty, AccountTrails, AccountConfigRecorders, AccountPublicAccessBlock,
 *       PasswordPolicyFacts, AccountBackupPlans.</li>
 * </ul>
 * A result's {@link io.cloudward.checks.CheckResult#stableKey()} identifies the same check on the same resource
 * across scans; severity comes from metadata through {@link io.cloudward.checks.CheckRegistry#severityOf}.
 *
 * <p>Adding a check: one class in the sub-package of its source, one line in {@link io.cloudward.checks.AllChecks},
 * one entry in {@code checks/metadata.json}, and its tests. The registry refuses to start if any of these disagree.
 */
package io.cloudward.checks;
