package io.cloudward.sandbox.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of a query-protocol request ({@code Action=…&Filter.1.Name=…}), from the form body or
 * the URL, with the list conventions of query ({@code Names.member.1}) and EC2 ({@code GroupId.1}).
 */
public final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParams parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.put(key, value);
            }
        }
        return new QueryParams(values);
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(values.get(name));
    }

    public Integer integer(String name, String errorCode) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AwsError(errorCode, 400, "Invalid value '" + value + "' for " + name);
        }
    }

    /** The values of {@code prefix.1}, {@code prefix.2}, … in index order. */
    public List<String> list(String prefix) {
        TreeMap<Integer, String> indexed = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(start)) {
                String rest = key.substring(start.length());
                if (rest.chars().allMatch(Character::isDigit) && !rest.isEmpty()) {
                    indexed.put(Integer.parseInt(rest), entry.getValue());
                }
            }
        }
        return new ArrayList<>(indexed.values());
    }

    /**
     * Filters written as {@code <prefix>.N.Name} and {@code <prefix>.N.<valuePrefix>.M}: EC2 uses
     * {@code Filter} / {@code Value}, RDS {@code Filters.Filter} / {@code Values.Value}.
     */
    public List<Filter> filters(String prefix, String valuePrefix) {
        TreeMap<Integer, String> names = new TreeMap<>();
        String start = prefix + ".";
        for (String key : values.keySet()) {
            if (key.startsWith(start) && key.endsWith(".Name")) {
                String index = key.substring(start.length(), key.length() - ".Name".length());
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit)) {
                    names.put(Integer.parseInt(index), values.get(key));
                }
            }
        }
        List<Filter> filters = new ArrayList<>();
        names.forEach((index, name) -> filters.add(new Filter(name, list(start + index + "." + valuePrefix))));
        return filters;
    }
}
