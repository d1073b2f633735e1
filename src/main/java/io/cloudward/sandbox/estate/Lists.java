package io.cloudward.sandbox.estate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe defaults for the optional collections of estate files. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps the file's order, so answers built from the map are the same on every run. */
    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
