package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.BackupJobState;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.Finding;
import software.amazon.awssdk.services.guardduty.model.FindingCriteria;
import software.amazon.awssdk.services.guardduty.model.GuardDutyException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The sandbox clock: sessions expire, findings appear and recur, backups run, fail and age. */
class SandboxTimelineIT {

    private SandboxFixture fixture;

    @BeforeEach
    void start() {
        fixture = new SandboxFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void advancingPastTheSessionExpiryAnswersExpiredTokenInEachProtocol() {
        AwsCredentialsProvider session = fixture.role(SandboxFixture.EXPOSED_DB);
        GuardDutyClient guardDuty = fixture.track(fixture.factory.create(GuardDutyClient.builder(), Region.US_EAST_1,
                session));
        guardDuty.listDetectors();
        fixture.sandbox.clock().advance(Duration.ofMinutes(61));
        GuardDutyException expired = assertThrows(GuardDutyException.class, guardDuty::listDetectors);
        assertEquals("ExpiredTokenException", expired.awsErrorDetails().errorCode());
        assertEquals(403, expired.statusCode());
        assertCode("ExpiredToken", 403, () -> fixture.track(fixture.factory.create(StsClient.builder(),
                Region.US_EAST_1, session)).getCallerIdentity());
        assertCode("RequestExpired", 400, () -> fixture.track(fixture.factory.create(Ec2Client.builder(),
                Region.US_EAST_1, session)).describeInstances());
        assertCode("ExpiredToken", 400, () -> fixture.track(fixture.factory.create(S3Client.builder(),
                Region.US_EAST_1, session)).listBuckets());
        assertEquals(1, guardDuty().listDetectors().detectorIds().size(), "a new session works again");
    }

    @Test
    void findingsAppearRecurAndGetArchivedAsTheClockAdvances() {
        Map<String, Finding> before = findings();
        fixture.sandbox.clock().advance(Duration.ofDays(5));
        Instant cut = fixture.sandbox.clock().now();
        fixture.sandbox.clock().advance(Duration.ofDays(5));
        Map<String, Finding> after = findings();
        assertTrue(after.size() > before.size(), "new findings appeared");
        assertTrue(after.values().stream().anyMatch(f -> before.containsKey(f.id())
                && f.service().count() > before.get(f.id()).service().count()
                && f.updatedAt().compareTo(before.get(f.id()).updatedAt()) > 0), "an existing finding recurred");
        assertTrue(after.values().stream().anyMatch(f -> f.service().archived()), "some finding was archived");
        GuardDutyClient guardDuty = guardDuty();
        String detectorId = guardDuty.listDetectors().detectorIds().get(0);
        List<String> updatedSince = guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId).findingCriteria(
                        FindingCriteria.builder().criterion(Map.of("updatedAt",
                                Condition.builder().greaterThanOrEqual(cut.toEpochMilli()).build())).build()))
                .findingIds().stream().toList();
        long expected = after.values().stream().filter(f -> !Instant.parse(f.updatedAt()).isBefore(cut)).count();
        assertEquals(expected, updatedSince.size());
        assertTrue(expected > 0 && expected < after.size());
    }

    @Test
    void theSameSeedGivesTheSameHistory() throws Exception {
        fixture.sandbox.clock().advance(Duration.ofDays(2));
        Map<String, Finding> first = findings();
        try (SandboxFixture other = new SandboxFixture()) {
            other.sandbox.clock().advance(Duration.ofDays(2));
            GuardDutyClient guardDuty = other.track(other.factory.create(GuardDutyClient.builder(), Region.US_EAST_1,
                    other.role(SandboxFixture.EXPOSED_DB)));
            String detectorId = guardDuty.listDetectors().detectorIds().get(0);
            List<String> ids = guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId)).findingIds().stream().toList();
            assertEquals(first.keySet(), new HashSet<>(ids));
        }
    }

    @Test
    void scheduledBackupsRunFailWhenTheVaultIsGoneAndRecoveryPointsExpire() {
        fixture.sandbox.clock().advance(Duration.ofDays(2));
        BackupClient codespaces = backup(SandboxFixture.CODESPACES, Region.EU_WEST_1);
        List<BackupJob> failed = codespaces.listBackupJobsPaginator(r -> r.byState(BackupJobState.FAILED))
                .backupJobs().stream().toList();
        assertFalse(failed.isEmpty());
        assertTrue(failed.stream().allMatch(job -> job.statusMessage().contains("does not exist")));

        BackupClient wellRun = backup(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        Instant yesterday = fixture.sandbox.clock().now().minus(Duration.ofDays(1));
        List<BackupJob> recent = wellRun.listBackupJobsPaginator(r -> r.byCreatedAfter(yesterday))
                .backupJobs().stream().toList();
        assertEquals(3, recent.size(), "one daily job per protected resource");
        List<RecoveryPointByBackupVault> points = wellRun.listRecoveryPointsByBackupVaultPaginator(r -> r
                .backupVaultName("prod-vault")).recoveryPoints().stream().toList();
        assertTrue(points.size() > 4);

        fixture.sandbox.clock().advance(Duration.ofDays(40));
        BackupClient later = backup(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        List<RecoveryPointByBackupVault> kept = later.listRecoveryPointsByBackupVaultPaginator(r -> r
                .backupVaultName("prod-vault")).recoveryPoints().stream().toList();
        Instant oldestAllowed = fixture.sandbox.clock().now().minus(Duration.ofDays(36));
        assertTrue(kept.stream().allMatch(point -> point.creationDate().isAfter(oldestAllowed)),
                "recovery points past DeleteAfterDays are gone");
        assertTrue(kept.size() > 35 * 3 - 5 && kept.size() <= 35 * 3,
                "35 days of daily points for three resources, less the odd failed job: " + kept.size());
    }

    private static void assertCode(String code, int status, Runnable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertEquals(status, e.statusCode());
    }

    private BackupClient backup(String account, Region region) {
        return fixture.track(fixture.factory.create(BackupClient.builder(), region, fixture.role(account)));
    }

    private GuardDutyClient guardDuty() {
        return fixture.track(fixture.factory.create(GuardDutyClient.builder(), Region.US_EAST_1,
                fixture.role(SandboxFixture.EXPOSED_DB)));
    }

    /** All findings, through a fresh session (advancing the clock expires the older ones). */
    private Map<String, Finding> findings() {
        GuardDutyClient guardDuty = guardDuty();
        String detectorId = guardDuty.listDetectors().detectorIds().get(0);
        List<String> ids = guardDuty.listFindingsPaginator(r -> r.detectorId(detectorId)).findingIds().stream().toList();
        Map<String, Finding> findings = new HashMap<>();
        for (int i = 0; i < ids.size(); i += 50) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 50));
            guardDuty.getFindings(r -> r.detectorId(detectorId).findingIds(chunk)).findings()
                    .forEach(f -> findings.put(f.id(), f));
        }
        return findings;
    }
}
