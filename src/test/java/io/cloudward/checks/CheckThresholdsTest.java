package io.cloudward.checks;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckThresholdsTest {

    @Test
    void defaultsFollowCisAndAws() {
        CheckThresholds defaults = CheckThresholds.defaults();
        assertEquals(90, defaults.accessKeyMaxAgeDays());
        assertEquals(45, defaults.unusedCredentialDays());
        assertEquals(14, defaults.passwordMinLength());
        assertEquals(24, defaults.passwordReusePrevention());
        assertEquals(7, defaults.rdsMinBackupRetentionDays());
        assertEquals(24, defaults.backupJobWindowHours());
    }

    @Test
    void overridesByName() {
        CheckThresholds tenant = CheckThresholds.defaults()
                .withOverrides(Map.of("accessKeyMaxAgeDays", "60", "recoveryPointMaxAgeHours", " 12 "));
        assertEquals(60, tenant.accessKeyMaxAgeDays());
        assertEquals(12, tenant.recoveryPointMaxAgeHours());
        assertEquals(45, tenant.unusedCredentialDays());
        assertEquals(tenant.asMap().keySet(), CheckThresholds.defaults().asMap().keySet());
    }

    @Test
    void rejectsUnknownNamesAndBadValuesWithTheirName() {
        assertMessage(() -> CheckThresholds.defaults().withOverrides(Map.of("accessKeyAgeDays", "60")), "accessKeyAgeDays");
        assertMessage(() -> CheckThresholds.defaults().withOverrides(Map.of("passwordMinLength", "long")), "passwordMinLength");
        assertMessage(() -> CheckThresholds.defaults().withOverrides(Map.of("backupJobWindowHours", "0")), "backupJobWindowHours");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String name) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        assertTrue(error.getMessage().contains(name), error.getMessage());
    }
}
