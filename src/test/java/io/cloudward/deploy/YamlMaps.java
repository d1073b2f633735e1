package io.cloudward.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/** Navigation in parsed YAML (maps and lists) that fails the test with the surrounding context. */
final class YamlMaps {

    private YamlMaps() {
    }

    static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            Object next = current.get(key);
            assertTrue(next instanceof Map<?, ?>, key + " is a mapping in " + current);
            current = asMap(next);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        assertTrue(value instanceof List<?>, key + " is a list in " + map);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        assertTrue(value instanceof Map<?, ?>, "a mapping: " + value);
        return (Map<String, Object>) value;
    }
}
