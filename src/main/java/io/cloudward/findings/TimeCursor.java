package io.cloudward.findings;

import io.cloudward.api.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position of the last row of a page of a list ordered by a time then id, both descending:
 * {@code list|time|id}, base64url; the list name keeps a cursor from being replayed against another list.
 */
record TimeCursor(Instant time, UUID id) {

    static String of(String list, Instant time, UUID id) {
        String raw = String.join("|", list, time.toString(), id.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TimeCursor decode(String list, String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3 || !parts[0].equals(list)) {
                throw new IllegalArgumentException("cursor of another list");
            }
            return new TimeCursor(Instant.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "The cursor is not one this API issued for this list; start again without it.");
        }
    }
}
