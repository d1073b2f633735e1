package io.cloudward.checks.cloudtrail;

import io.cloudward.collect.snapshot.TrailFacts.AdvancedEventSelector;
import io.cloudward.collect.snapshot.TrailFacts.EventSelector;
import io.cloudward.collect.snapshot.TrailFacts.FieldSelector;
import io.cloudward.collect.snapshot.TrailFacts.Selectors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementEventCoverageTest {

    @Test
    void basicSelectorAllCoversBoth() {
        assertTrue(ManagementEventCoverage.of(Selectors.basic(new EventSelector("All", true, List.of()))).complete());
    }

    @Test
    void basicReadAndWriteSelectorsCombine() {
        var coverage = ManagementEventCoverage.of(Selectors.basic(new EventSelector("ReadOnly", true, List.of()),
                new EventSelector("WriteOnly", true, List.of("kms.amazonaws.com"))));
        assertTrue(coverage.complete());
        assertEquals(List.of("kms.amazonaws.com"), coverage.excludedSources());
    }

    @Test
    void dataOnlySelectorCoversNothing() {
        var coverage = ManagementEventCoverage.of(Selectors.basic(new EventSelector("All", false, List.of())));
        assertEquals("no", coverage.describe());
    }

    @Test
    void advancedManagementSelectorWithoutReadOnlyCoversBoth() {
        var coverage = ManagementEventCoverage.of(Selectors.advanced(advanced(FieldSelector.equalTo("eventCategory", "Management"),
                FieldSelector.notEqualTo("eventSource", "kms.amazonaws.com"))));
        assertTrue(coverage.complete());
        assertEquals(List.of("kms.amazonaws.com"), coverage.excludedSources());
    }

    @Test
    void advancedReadOnlyFalseCoversWritesOnly() {
        var coverage = ManagementEventCoverage.of(Selectors.advanced(advanced(FieldSelector.equalTo("eventCategory", "Management"),
                FieldSelector.equalTo("readOnly", "false"))));
        assertFalse(coverage.reads());
        assertTrue(coverage.writes());
        assertEquals("only write", coverage.describe());
    }

    @Test
    void advancedSelectorLimitedToChosenSourcesDoesNotCount() {
        var coverage = ManagementEventCoverage.of(Selectors.advanced(advanced(FieldSelector.equalTo("eventCategory", "Management"),
                FieldSelector.equalTo("eventSource", "iam.amazonaws.com"))));
        assertEquals("no", coverage.describe());
    }

    @Test
    void advancedDataSelectorDoesNotCount() {
        var coverage = ManagementEventCoverage.of(Selectors.advanced(advanced(FieldSelector.equalTo("eventCategory", "Data"),
                FieldSelector.equalTo("resources.type", "AWS::S3::Object"))));
        assertEquals("no", coverage.describe());
    }

    private static AdvancedEventSelector advanced(FieldSelector... fields) {
        return new AdvancedEventSelector(Optional.of("selector"), List.of(fields));
    }
}
