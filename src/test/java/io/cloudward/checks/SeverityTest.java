package io.cloudward.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeverityTest {

    @ParameterizedTest
    @CsvSource({"1.0,LOW", "2.5,LOW", "3.9,LOW", "3.95,LOW", "4.0,MEDIUM", "5.0,MEDIUM", "6.9,MEDIUM", "7.0,HIGH",
            "8.0,HIGH", "8.9,HIGH", "9.0,CRITICAL", "10.0,CRITICAL"})
    void mapsGuardDutyScoresToAwsBands(double score, Severity expected) {
        assertEquals(expected, Severity.fromGuardDutyScore(score));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.99, 10.1, -1, Double.NaN})
    void rejectsScoresOutsideGuardDutysRange(double score) {
        assertThrows(IllegalArgumentException.class, () -> Severity.fromGuardDutyScore(score));
    }

    @Test
    void parsesAndCompares() {
        assertEquals(Severity.HIGH, Severity.parse(" high "));
        assertThrows(IllegalArgumentException.class, () -> Severity.parse("severe"));
        assertTrue(Severity.CRITICAL.isAtLeast(Severity.HIGH));
        assertTrue(!Severity.LOW.isAtLeast(Severity.MEDIUM));
        assertEquals(Severity.HIGH, Severity.CRITICAL.oneBandLower());
        assertEquals(Severity.LOW, Severity.MEDIUM.oneBandLower());
        assertEquals(Severity.LOW, Severity.LOW.oneBandLower());
        assertEquals(Severity.INFORMATIONAL, Severity.INFORMATIONAL.oneBandLower());
    }
}
