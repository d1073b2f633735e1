package io.cloudward.scoring;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The weights file loads, and an edit that breaks the model's promises is refused with a sentence. */
class ScoreWeightsTest {

    private static final String VALID = """
            {"severityPoints": {"INFORMATIONAL": 0, "LOW": 3, "MEDIUM": 8, "HIGH": 20, "CRITICAL": 50},
             "repeatDecay": 0.5,
             "categoryWeights": {"threat-detection": 0.25, "logging": 0.2, "exposure": 0.25, "identity": 0.15, "backup-recovery": 0.15},
             "compromiseCap": {"maxScore": 39, "threatOrigins": ["GUARDDUTY"], "threatMinSeverity": "HIGH", "openIncident": true},
             "compromisedAccountWeight": 3, "topFixes": 5}""";

    private static ScoreWeights parse(String json) throws Exception {
        return ScoreWeights.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedFileLoads() {
        ScoreWeights weights = ScoreWeights.load();
        assertEquals(39, weights.compromiseCap().maxScore());
        assertEquals(5, weights.topFixes());
    }

    @Test
    void refusesLowsThatCouldOutweighAMedium() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(VALID.replace("\"LOW\": 3", "\"LOW\": 5")));
        assertTrue(e.getMessage().contains("any number of LOW findings would cost more than one MEDIUM"), e.getMessage());
    }

    @Test
    void refusesCategoryWeightsNotSummingToOne() throws Exception {
        parse(VALID);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(VALID.replace("\"logging\": 0.2", "\"logging\": 0.3")));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
    }
}
