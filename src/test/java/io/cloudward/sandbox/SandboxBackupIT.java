package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.BackupJobState;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

class SandboxBackupIT {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static BackupClient backup(String account, Region region) {
        return fixture.track(fixture.factory.create(BackupClient.builder(), region, fixture.role(account)));
    }

    @Test
    void plansSelectionsAndCopiesToAnotherAccount() {
        BackupClient backup = backup(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        List<BackupPlansListMember> plans = backup.listBackupPlansPaginator().backupPlansList().stream().toList();
        assertEquals(1, plans.size());
        GetBackupPlanResponse plan = backup.getBackupPlan(r -> r.backupPlanId(plans.get(0).backupPlanId()));
        BackupRule rule = plan.backupPlan().rules().get(0);
        assertEquals("prod-vault", rule.targetBackupVaultName());
        assertEquals(35L, rule.lifecycle().deleteAfterDays());
        assertEquals("arn:aws:backup:eu-central-1:666666666666:backup-vault:central-copies",
                rule.copyActions().get(0).destinationBackupVaultArn());
        List<BackupSelectionsListMember> selections = backup.listBackupSelectionsPaginator(r -> r
                .backupPlanId(plan.backupPlanId())).backupSelectionsList().stream().toList();
        fixture.allowBeyondTemplate(SandboxFixture.WELL_RUN, "backup:GetBackupSelection");
        List<String> resources = backup.getBackupSelection(r -> r.backupPlanId(plan.backupPlanId())
                .selectionId(selections.get(0).selectionId())).backupSelection().resources();
        assertTrue(resources.contains("arn:aws:rds:eu-central-1:444444444444:db:well-run-db"));
        assertThrows(ResourceNotFoundException.class, () -> backup.getBackupPlan(r -> r.backupPlanId("nope")));
    }

    @Test
    void vaultsShowVaultLock() {
        List<BackupVaultListMember> wellRun = backup(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1)
                .listBackupVaultsPaginator().backupVaultList().stream().toList();
        BackupVaultListMember locked = wellRun.stream().filter(v -> v.backupVaultName().equals("prod-vault")).findFirst()
                .orElseThrow();
        assertTrue(locked.locked());
        assertEquals(7L, locked.minRetentionDays());
        assertEquals(4L, locked.numberOfRecoveryPoints());
        List<BackupVaultListMember> codespaces = backup(SandboxFixture.CODESPACES, Region.EU_WEST_1)
                .listBackupVaultsPaginator().backupVaultList().stream().toList();
        assertEquals(List.of("Default"), codespaces.stream().map(BackupVaultListMember::backupVaultName).toList());
        assertFalse(codespaces.get(0).locked());
    }

    @Test
    void jobsByStateAndCreationTime() {
        BackupClient blind = backup(SandboxFixture.BLIND_SPOTS, Region.EU_WEST_1);
        List<BackupJob> failed = blind.listBackupJobsPaginator(r -> r.byState(BackupJobState.FAILED)).backupJobs()
                .stream().toList();
        assertEquals(2, failed.size());
        assertEquals("Insufficient privileges to perform this action.", failed.get(0).statusMessage());
        assertTrue(failed.get(0).creationDate().isAfter(failed.get(1).creationDate()), "newest first");
        List<BackupJob> recent = blind.listBackupJobsPaginator(r -> r.byCreatedAfter(Instant.now()
                .minus(Duration.ofHours(36))).maxResults(1)).backupJobs().stream().toList();
        assertEquals(1, recent.size());
    }

    @Test
    void protectedResourcesAndRecoveryPoints() {
        BackupClient backup = backup(SandboxFixture.WELL_RUN, Region.EU_CENTRAL_1);
        List<ProtectedResource> resources = backup.listProtectedResourcesPaginator().results().stream().toList();
        assertEquals(3, resources.size());
        ProtectedResource db = resources.stream().filter(r -> r.resourceType().equals("RDS")).findFirst().orElseThrow();
        assertTrue(db.lastBackupTime().isAfter(Instant.now().minus(Duration.ofHours(25))));
        List<RecoveryPointByBackupVault> points = backup.listRecoveryPointsByBackupVaultPaginator(r -> r
                .backupVaultName("prod-vault").maxResults(1)).recoveryPoints().stream().toList();
        assertEquals(4, points.size());
        assertEquals(35L, points.get(0).lifecycle().deleteAfterDays());
        assertThrows(ResourceNotFoundException.class, () -> backup.listRecoveryPointsByBackupVault(r -> r
                .backupVaultName("codespaces-vault")));
        assertTrue(backup(SandboxFixture.CODESPACES, Region.EU_WEST_1).listProtectedResources().results().isEmpty(),
                "the attacker deleted every recovery point");
    }
}
