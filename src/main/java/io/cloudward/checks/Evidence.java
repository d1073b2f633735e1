package io.cloudward.checks;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the small, ordered map of facts a result was judged on. Values are kept JSON-friendly: strings,
 * numbers, booleans and lists of strings; instants become ISO-8601 text and empty optionals are left out.
 */
public final class Evidence {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    private Evidence() {
    }

    public static Evidence with(String key, Object value) {
        return new Evidence().and(key, value);
    }

    public static Map<String, Object> none() {
        return Map.of();
    }

    public Evidence and(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("Evidence keys must be non-blank");
        }
        Object normalised = normalise(value);
        if (normalised != null) {
            facts.put(key, normalised);
        }
        return this;
    }

    public Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    private static Object normalise(Object value) {
        return switch (value) {
            case null -> null;
            case Optional<?> optional -> optional.map(Evidence::normalise).orElse(null);
            case String text -> text;
            case Number number -> number;
            case Boolean flag -> flag;
            case Instant instant -> instant.toString();
            case Enum<?> constant -> constant.name();
            case Collection<?> items -> items.stream().map(String::valueOf).toList();
            default -> throw new IllegalArgumentException("Evidence values are text, numbers, booleans, instants or lists, not "
                    + value.getClass().getSimpleName());
        };
    }

    static Map<String, Object> copyOf(Map<String, Object> evidence) {
        Evidence copy = new Evidence();
        evidence.forEach(copy::and);
        return copy.build();
    }
}
