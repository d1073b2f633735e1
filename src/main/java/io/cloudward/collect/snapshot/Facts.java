package io.cloudward.collect.snapshot;

import java.util.List;
import java.util.Objects;

/** Validation shared by the snapshot records: a record that exists is complete. */
final class Facts {

    private Facts() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " must be given (use Optional.empty() or an empty list for none)");
    }

    static <T> List<T> list(List<T> values, String what) {
        return List.copyOf(present(values, what));
    }

    static int atLeast(int value, int minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", got " + value);
        }
        return value;
    }
}
