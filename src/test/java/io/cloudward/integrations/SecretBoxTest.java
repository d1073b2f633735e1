package io.cloudward.integrations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretBoxTest {
    private static final String KEY = "ZGV2LW9ubHktY2xvdWR3YXJkLXNlY3JldHMta2V5ISE=";

    @Test
    void sealsPerRowAndOpensOnlyThere() {
        SecretBox box = new SecretBox(KEY, new ObjectMapper());
        UUID tenant = UUID.randomUUID();
        UUID destination = UUID.randomUUID();
        String sealed = box.seal(tenant, destination, Map.of("routingKey", "R0UTINGKEY123456"));
        assertFalse(sealed.contains("R0UTINGKEY"));
        assertEquals(Map.of("routingKey", "R0UTINGKEY123456"), box.open(tenant, destination, sealed));
        assertThrows(IllegalStateException.class, () -> box.open(UUID.randomUUID(), destination, sealed), "bound to its tenant");
        assertThrows(IllegalStateException.class, () -> new SecretBox("c2hvcnQ=", new ObjectMapper()), "32 bytes required");
    }

    @Test
    void masksAllButTheLastFour() {
        assertEquals("••••3456", SecretBox.mask("R0UTINGKEY123456"));
        assertEquals("••••", SecretBox.mask("short"));
    }
}
