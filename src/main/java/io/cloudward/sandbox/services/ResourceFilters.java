package io.cloudward.sandbox.services;

import io.cloudward.sandbox.estate.Tag;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.Filter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The filters a describe operation accepts for one kind of resource, plus the {@code tag:<key>},
 * {@code tag-key} and {@code tag-value} filters every taggable EC2 resource has. A filter name the
 * operation does not know is refused, as EC2 refuses it.
 */
final class ResourceFilters<T> {

    private final Map<String, Function<T, List<String>>> fields = new HashMap<>();
    private final Function<T, List<Tag>> tags;

    ResourceFilters(Function<T, List<Tag>> tags) {
        this.tags = tags;
    }

    ResourceFilters<T> field(String name, Function<T, List<String>> values) {
        fields.put(name, values);
        return this;
    }

    ResourceFilters<T> single(String name, Function<T, ?> value) {
        return field(name, item -> {
            Object v = value.apply(item);
            return v == null ? List.of() : List.of(v.toString());
        });
    }

    List<T> apply(List<T> items, List<Filter> filters, String errorCode) {
        for (Filter filter : filters) {
            if (!known(filter.name())) {
                throw new AwsError(errorCode, 400, "The filter '" + filter.name() + "' is invalid");
            }
        }
        List<T> kept = new ArrayList<>();
        for (T item : items) {
            if (filters.stream().allMatch(filter -> filter.matchesAny(values(item, filter.name())))) {
                kept.add(item);
            }
        }
        return kept;
    }

    private boolean known(String name) {
        return fields.containsKey(name) || tags != null
                && (name.startsWith("tag:") || name.equals("tag-key") || name.equals("tag-value"));
    }

    private List<String> values(T item, String name) {
        Function<T, List<String>> field = fields.get(name);
        if (field != null) {
            return field.apply(item);
        }
        List<Tag> itemTags = tags.apply(item);
        if (name.equals("tag-key")) {
            return itemTags.stream().map(Tag::key).toList();
        }
        if (name.equals("tag-value")) {
            return itemTags.stream().map(Tag::value).toList();
        }
        String key = name.substring("tag:".length());
        return itemTags.stream().filter(tag -> tag.key().equals(key)).map(Tag::value).toList();
    }
}
