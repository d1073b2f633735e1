package io.cloudward.checks.cloudtrail;

import io.cloudward.collect.snapshot.TrailFacts;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which management events a trail's selectors record. Basic selectors count when IncludeManagementEvents is
 * true; advanced selectors count when eventCategory equals Management and nothing narrows them beyond readOnly
 * and excluded event sources (a selector limited to chosen event sources records only part of the account).
 */
record ManagementEventCoverage(boolean reads, boolean writes, List<String> excludedSources) {

    static ManagementEventCoverage of(TrailFacts.Selectors selectors) {
        Accumulator coverage = new Accumulator();
        selectors.basic().stream().filter(TrailFacts.EventSelector::includeManagementEvents).forEach(selector -> {
            coverage.add(!selector.readWriteType().equals("WriteOnly"), !selector.readWriteType().equals("ReadOnly"));
            coverage.excluded.addAll(selector.excludeManagementEventSources());
        });
        selectors.advanced().forEach(selector -> advanced(selector, coverage));
        return new ManagementEventCoverage(coverage.reads, coverage.writes, List.copyOf(coverage.excluded));
    }

    boolean complete() {
        return reads && writes;
    }

    String describe() {
        if (complete()) {
            return "read and write";
        }
        if (reads) {
            return "only read";
        }
        return writes ? "only write" : "no";
    }

    private static void advanced(TrailFacts.AdvancedEventSelector selector, Accumulator coverage) {
        List<TrailFacts.FieldSelector> fields = selector.fieldSelectors();
        boolean management = field(fields, "eventCategory")
                .filter(f -> f.exactMatchOnly() && f.equalsValues().contains("Management")).isPresent();
        boolean narrowed = fields.stream().anyMatch(f -> switch (f.field()) {
            case "eventCategory", "readOnly" -> !f.exactMatchOnly();
            case "eventSource" -> !f.exactMatchOnly() || !f.equalsValues().isEmpty();
            default -> true;
        });
        if (!management || narrowed) {
            return;
        }
        Optional<TrailFacts.FieldSelector> readOnly = field(fields, "readOnly");
        boolean reads = readOnly.map(f -> matches(f, "true")).orElse(true);
        boolean writes = readOnly.map(f -> matches(f, "false")).orElse(true);
        coverage.add(reads, writes);
        field(fields, "eventSource").ifPresent(f -> coverage.excluded.addAll(f.notEquals()));
    }

    private static boolean matches(TrailFacts.FieldSelector field, String value) {
        boolean included = field.equalsValues().isEmpty() || field.equalsValues().contains(value);
        return included && !field.notEquals().contains(value);
    }

    private static Optional<TrailFacts.FieldSelector> field(List<TrailFacts.FieldSelector> fields, String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }

    private static final class Accumulator {
        private boolean reads;
        private boolean writes;
        private final TreeSet<String> excluded = new TreeSet<>();

        void add(boolean selectorReads, boolean selectorWrites) {
            reads |= selectorReads;
            writes |= selectorWrites;
        }
    }
}
