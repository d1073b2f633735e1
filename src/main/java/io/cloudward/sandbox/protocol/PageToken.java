package io.cloudward.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opaque pagination tokens. A token carries the position of the next page and a fingerprint of the
 * request it belongs to; a token from another listing, or tampered with, is refused as AWS refuses it.
 */
public final class PageToken {

    private PageToken() {
    }

    /** A page of {@code items} and the token for the next one ({@code null} on the last page). */
    public record Page<T>(List<T> items, String nextToken) {
    }

    public static String encode(int offset, String fingerprint) {
        String raw = offset + ":" + Integer.toHexString(fingerprint.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static int decode(String token, String fingerprint, Supplier<AwsError> invalid) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon > 0 && raw.substring(colon + 1).equals(Integer.toHexString(fingerprint.hashCode()))) {
                int offset = Integer.parseInt(raw.substring(0, colon));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException malformed) {
            throw invalid.get();
        }
        throw invalid.get();
    }

    /** The page after {@code token} (first page when it is {@code null}) of at most {@code max} items. */
    public static <T> Page<T> page(List<T> all, String token, int max, String fingerprint, Supplier<AwsError> invalid) {
        int offset = token == null || token.isEmpty() ? 0 : decode(token, fingerprint, invalid);
        if (offset > all.size()) {
            throw invalid.get();
        }
        int end = Math.min(all.size(), offset + max);
        return new Page<>(all.subList(offset, end), end < all.size() ? encode(end, fingerprint) : null);
    }
}
