package io.cloudward.sandbox.protocol;

import java.util.List;

/** A describe filter: a name and the values any of which may match. */
public record Filter(String name, List<String> values) {

    public Filter {
        values = List.copyOf(values);
    }

    /** Whether any filter value (EC2 wildcards allowed) matches any of {@code candidates}. */
    public boolean matchesAny(List<String> candidates) {
        for (String value : values) {
            for (String candidate : candidates) {
                if (candidate != null && Glob.matches(value, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }
}
