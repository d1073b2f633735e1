package io.cloudward.checks.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchedEventsTest {

    @Test
    void coversTheEventsThatBlindTheWatcherOrDestroyRecovery() {
        List<String> names = WatchedEvents.eventNames();
        for (String name : List.of("StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors", "DeleteDetector",
                "UpdateDetector", "DisassociateFromAdministratorAccount", "CreateFilter", "StopConfigurationRecorder",
                "DeleteDeliveryChannel", "DeleteBackupVault", "DeleteRecoveryPoint", "DeleteBackupPlan",
                "DeleteBackupVaultLockConfiguration", "DeletePublicAccessBlock", "TerminateInstances", "DeleteDBInstance")) {
            assertTrue(names.contains(name), name);
        }
        assertEquals(names.size(), names.stream().distinct().count());
    }

    @Test
    void everyEntryExplainsItself() {
        WatchedEvents.all().forEach(watched -> {
            assertTrue(watched.eventSource().endsWith(".amazonaws.com"), watched.eventName());
            assertFalse(watched.effect().isBlank(), watched.eventName());
        });
    }

    @Test
    void backupDeletionsAreDestruction() {
        WatchedEvents.all().stream().filter(w -> w.eventSource().equals("backup.amazonaws.com"))
                .forEach(w -> assertEquals(EventKind.DESTRUCTION, w.kind(), w.eventName()));
    }
}
