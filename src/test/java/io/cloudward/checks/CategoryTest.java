package io.cloudward.checks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CategoryTest {

    @Test
    void slugsAreStable() {
        assertEquals("threat-detection", Category.THREAT_DETECTION.slug());
        assertEquals("logging", Category.LOGGING.slug());
        assertEquals("exposure", Category.EXPOSURE.slug());
        assertEquals("identity", Category.IDENTITY.slug());
        assertEquals("backup-recovery", Category.BACKUP_RECOVERY.slug());
        for (Category category : Category.values()) {
            assertEquals(category, Category.fromSlug(category.slug()));
        }
        assertThrows(IllegalArgumentException.class, () -> Category.fromSlug("THREAT_DETECTION"));
    }
}
