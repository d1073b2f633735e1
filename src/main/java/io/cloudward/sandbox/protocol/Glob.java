package io.cloudward.sandbox.protocol;

/** Wildcard matching as IAM action patterns and EC2 filter values use it: {@code *} any run, {@code ?} one. */
public final class Glob {

    private Glob() {
    }

    public static boolean matches(String pattern, String text) {
        return matches(pattern, 0, text, 0);
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int skip = t; skip <= text.length(); skip++) {
                    if (matches(pattern, p + 1, text, skip)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
