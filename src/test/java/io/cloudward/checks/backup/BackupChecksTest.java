package io.cloudward.checks.backup;

import io.cloudward.checks.CheckRegistry;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.ResourceRef;
import io.cloudward.checks.Severity;
import io.cloudward.collect.snapshot.AccountBackupPlans;
import io.cloudward.collect.snapshot.BackupPlanFacts;
import io.cloudward.collect.snapshot.BackupPlanFacts.CopyAction;
import io.cloudward.collect.snapshot.BackupPlanFacts.Rule;
import io.cloudward.collect.snapshot.BackupVaultFacts;
import io.cloudward.collect.snapshot.DbInstanceBackupCoverage;
import io.cloudward.collect.snapshot.DbInstanceFacts;
import io.cloudward.collect.snapshot.ProtectedResourceFacts;
import io.cloudward.collect.snapshot.ProtectedResourceFacts.RecoveryPoint;
import io.cloudward.collect.snapshot.ResourceBackupJobs;
import io.cloudward.collect.snapshot.ResourceBackupJobs.Job;
import io.cloudward.collect.snapshot.ResourceBackupJobs.State;
import io.cloudward.collect.snapshot.VolumeBackupCoverage;
import io.cloudward.collect.snapshot.VolumeFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.cloudward.checks.CheckStatus.FAIL;
import static io.cloudward.checks.CheckStatus.INFO;
import static io.cloudward.checks.CheckStatus.PASS;
import static io.cloudward.checks.Fixtures.ACCOUNT;
import static io.cloudward.checks.Fixtures.OTHER_ACCOUNT;
import static io.cloudward.checks.Fixtures.assertResult;
import static io.cloudward.checks.Fixtures.context;
import static io.cloudward.checks.Fixtures.daysAgo;
import static io.cloudward.checks.Fixtures.hoursAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BackupChecksTest {

    private static final String VOLUME_ARN = "arn:aws:ec2:eu-west-1:123456789012:volume/vol-1";

    static ProtectedResourceFacts protectedVolume(Optional<Instant> latestCompleted) {
        return new ProtectedResourceFacts(VOLUME_ARN, "EBS", "eu-west-1", Optional.of("data-disk"),
                latestCompleted, latestCompleted.map(t -> new RecoveryPoint("arn:aws:ec2:eu-west-1::snapshot/snap-1", t, "Default")));
    }

    static BackupPlanFacts plan(Optional<String> airGapped, CopyAction... copies) {
        return new BackupPlanFacts("plan-1", "arn:aws:backup:eu-west-1:123456789012:backup-plan:plan-1", "daily", "eu-west-1",
                List.of(new Rule("daily", "Default", airGapped, List.of(copies))));
    }

    static CopyAction copyTo(String account, String region) {
        return new CopyAction("arn:aws:backup:" + region + ":" + account + ":backup-vault:vault", Optional.of(35L));
    }

    @Nested
    class PlanExists {
        private final BackupPlanExists check = new BackupPlanExists();

        @Test
        void passesNamingThePlans() {
            CheckResult result = assertResult(check.evaluate(new AccountBackupPlans(List.of("eu-west-1"), List.of(plan(Optional.empty()))),
                    context()), PASS, "1 AWS Backup plan: daily (eu-west-1)");
            assertEquals(ResourceRef.account(ACCOUNT), result.resource());
        }

        @Test
        void failsNamingTheRegionsSearched() {
            assertResult(check.evaluate(new AccountBackupPlans(List.of("eu-west-1", "us-east-1"), List.of()), context()), FAIL,
                    "no AWS Backup plan in eu-west-1 and us-east-1");
        }
    }

    @Nested
    class VolumeCoverage {
        private final EbsVolumeBackedUp check = new EbsVolumeBackedUp();
        private final VolumeFacts volume = new VolumeFacts("vol-1", "eu-west-1", ACCOUNT, 100, "in-use", List.of("i-0123"));

        @Test
        void passesWhenProtected() {
            CheckResult result = assertResult(check.evaluate(new VolumeBackupCoverage(volume,
                    Optional.of(protectedVolume(Optional.of(hoursAgo(5))))), context()), PASS,
                    "EBS volume vol-1 (100 GiB, eu-west-1, attached to i-0123) is protected");
            assertEquals(VOLUME_ARN, result.resource().id());
            assertEquals("AwsEc2Volume", result.resource().type());
        }

        @Test
        void failsWhenNeverBackedUp() {
            assertResult(check.evaluate(new VolumeBackupCoverage(volume, Optional.empty()), context()), FAIL,
                    "vol-1", "never been backed up by AWS Backup");
        }
    }

    @Nested
    class DatabaseCoverage {
        private final RdsInstanceBackedUp check = new RdsInstanceBackedUp();

        private DbInstanceFacts db(Optional<String> cluster) {
            return new DbInstanceFacts("orders-db", "arn:aws:rds:eu-west-1:123456789012:db:orders-db", "eu-west-1",
                    "aurora-postgresql", "available", false, true, true, 7, cluster, Optional.empty(), Optional.empty());
        }

        @Test
        void passesWhenItsClusterIsProtected() {
            ProtectedResourceFacts cluster = new ProtectedResourceFacts("arn:aws:rds:eu-west-1:123456789012:cluster:orders",
                    "Aurora", "eu-west-1", Optional.empty(), Optional.of(hoursAgo(3)), Optional.empty());
            assertResult(check.evaluate(new DbInstanceBackupCoverage(db(Optional.of("orders")), Optional.of(cluster)), context()),
                    PASS, "in cluster orders is protected by AWS Backup; last backup");
        }

        @Test
        void failsAskingToAddTheCluster() {
            assertResult(check.evaluate(new DbInstanceBackupCoverage(db(Optional.of("orders")), Optional.empty()), context()),
                    FAIL, "disappear with the instance", "Add the cluster to a backup plan");
        }

        @Test
        void failsAskingToAddTheInstance() {
            assertResult(check.evaluate(new DbInstanceBackupCoverage(db(Optional.empty()), Optional.empty()), context()),
                    FAIL, "Add the instance to a backup plan");
        }
    }

    @Nested
    class Freshness {
        private final RecoveryPointRecent check = new RecoveryPointRecent();

        @Test
        void passesWithinTheThreshold() {
            assertResult(check.evaluate(protectedVolume(Optional.of(hoursAgo(25))), context()), PASS,
                    "EBS resource data-disk (eu-west-1) has a completed recovery point from 25 hours ago in vault Default");
        }

        @Test
        void failsWhenOlderThanTheThreshold() {
            assertResult(check.evaluate(protectedVolume(Optional.of(daysAgo(3))), context()), FAIL,
                    "from 2025-05-29 12:00 UTC, 3 days old (more than 26 hours)");
        }

        @Test
        void failsWithoutAnyCompletedRecoveryPoint() {
            assertResult(check.evaluate(protectedVolume(Optional.empty()), context()), FAIL, "no completed recovery point");
        }
    }

    @Nested
    class Jobs {
        private final BackupJobsSucceeding check = new BackupJobsSucceeding();

        private ResourceBackupJobs jobs(Job... jobs) {
            return new ResourceBackupJobs(VOLUME_ARN, "EBS", "eu-west-1", List.of(jobs));
        }

        private Job job(String id, State state, Instant created, String message) {
            return new Job(id, state, created, Optional.of(created.plusSeconds(600)), Optional.ofNullable(message));
        }

        @Test
        void passesWithOnlyCompletedJobs() {
            assertResult(check.evaluate(jobs(job("j1", State.COMPLETED, hoursAgo(5), null)), context()), PASS, "No backup job");
        }

        @Test
        void failsWithTheLatestFailureAndItsReason() {
            assertResult(check.evaluate(jobs(job("j1", State.COMPLETED, hoursAgo(20), null),
                    job("j2", State.FAILED, hoursAgo(4), "Access denied to KMS key"),
                    job("j3", State.EXPIRED, hoursAgo(2), null)), context()), FAIL,
                    "2 backup jobs of EBS resource " + VOLUME_ARN, "the latest, j3, ended EXPIRED", "none succeeded since");
        }

        @Test
        void failureMessageIsQuoted() {
            assertResult(check.evaluate(jobs(job("j2", State.ABORTED, hoursAgo(4), "Backup window ended")), context()), FAIL,
                    "ended ABORTED at 2025-06-01 08:00 UTC: Backup window ended");
        }

        @Test
        void passesWhenALaterJobCompleted() {
            assertResult(check.evaluate(jobs(job("j2", State.FAILED, hoursAgo(10), null), job("j3", State.COMPLETED, hoursAgo(2), null)),
                    context()), PASS, "recovered: job j2 ended FAILED");
        }

        @Test
        void ignoresFailuresOutsideTheWindow() {
            assertResult(check.evaluate(jobs(job("j0", State.FAILED, hoursAgo(30), null)), context()), PASS);
        }
    }

    @Nested
    class VaultLock {
        private final BackupVaultLocked check = new BackupVaultLocked();
        private final CheckRegistry registry = CheckRegistry.standard();

        private BackupVaultFacts vault(String type, boolean locked, Optional<Instant> lockDate) {
            return new BackupVaultFacts("prod-vault", "arn:aws:backup:eu-west-1:123456789012:backup-vault:prod-vault", "eu-west-1",
                    type, locked, locked ? Optional.of(35L) : Optional.empty(), Optional.empty(), lockDate, 12);
        }

        @Test
        void failsWithoutLockCitingCodeSpaces() {
            CheckResult result = assertResult(check.evaluate(vault("BACKUP_VAULT", false, Optional.empty()), context()), FAIL,
                    "Backup vault prod-vault (eu-west-1, 12 recovery points) has no Vault Lock", "Code Spaces");
            assertEquals(Severity.HIGH, registry.severityOf(result));
        }

        @Test
        void governanceModeIsAWeakerFailure() {
            CheckResult result = assertResult(check.evaluate(vault("BACKUP_VAULT", true, Optional.empty()), context()), FAIL,
                    "governance mode");
            assertEquals("GOVERNANCE", result.variant());
            assertEquals(Severity.MEDIUM, registry.severityOf(result));
        }

        @Test
        void complianceLockInCoolingOffIsInformation() {
            assertResult(check.evaluate(vault("BACKUP_VAULT", true, Optional.of(daysAgo(-2))), context()), INFO,
                    "becomes permanent on 2025-06-03");
        }

        @Test
        void passesOnceTheComplianceLockIsPermanent() {
            assertResult(check.evaluate(vault("BACKUP_VAULT", true, Optional.of(daysAgo(10))), context()), PASS,
                    "compliance mode since 2025-05-22; recovery points are kept at least 35 days");
        }

        @Test
        void airGappedVaultsPass() {
            assertResult(check.evaluate(vault("LOGICALLY_AIR_GAPPED_BACKUP_VAULT", true, Optional.empty()), context()), PASS,
                    "logically air-gapped");
        }
    }

    @Nested
    class CrossAccountCopy {
        private final BackupPlanCopiesToAnotherAccount check = new BackupPlanCopiesToAnotherAccount();

        @Test
        void passesWithACopyToAnotherAccount() {
            CheckResult result = assertResult(check.evaluate(plan(Optional.empty(), copyTo(ACCOUNT, "eu-central-1"),
                    copyTo(OTHER_ACCOUNT, "eu-west-1")), context()), PASS, "backup-vault:vault, outside account " + ACCOUNT);
            assertEquals(List.of("arn:aws:backup:eu-west-1:" + OTHER_ACCOUNT + ":backup-vault:vault"),
                    result.evidence().get("otherAccountDestinations"));
        }

        @Test
        void failsWhenCopiesStayInTheAccount() {
            assertResult(check.evaluate(plan(Optional.empty(), copyTo(ACCOUNT, "eu-central-1")), context()), FAIL,
                    "copies only within account " + ACCOUNT, "Code Spaces");
        }

        @Test
        void failsWithoutCopies() {
            assertResult(check.evaluate(plan(Optional.empty()), context()), FAIL,
                    "Backup plan daily (eu-west-1) makes no copies");
        }

        @Test
        void passesWhenWritingToALogicallyAirGappedVault() {
            assertResult(check.evaluate(plan(Optional.of("arn:aws:backup:eu-west-1:123456789012:backup-vault:lag")), context()),
                    PASS, "logically air-gapped vault");
        }
    }
}
