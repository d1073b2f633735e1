package io.cloudward.collect.guardduty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Turns an SDK model object into plain maps, lists, strings, numbers and booleans under the wire names
 * AWS documents (e.g. {@code instanceDetails.networkInterfaces[0].publicIp}), so evidence can be kept as
 * JSON without SDK types. Unset fields are left out.
 */
final class SdkValues {

    private SdkValues() {
    }

    static Map<String, Object> plain(SdkPojo pojo) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = plainValue(field.getValueOrDefault(pojo));
            if (value != null) {
                values.put(field.locationName(), value);
            }
        }
        return values;
    }

    private static Object plainValue(Object value) {
        return switch (value) {
            case null -> null;
            case SdkPojo pojo -> plain(pojo);
            case List<?> list when list.isEmpty() -> null;
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                list.forEach(item -> items.add(plainValue(item)));
                yield items;
            }
            case Map<?, ?> map when map.isEmpty() -> null;
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((key, item) -> entries.put(String.valueOf(key), plainValue(item)));
                yield entries;
            }
            case Instant instant -> instant.toString();
            case String text -> text;
            case Number number -> number;
            case Boolean flag -> flag;
            default -> value.toString();
        };
    }
}
