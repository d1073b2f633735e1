package io.cloudward.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * Optimistic concurrency for editable resources: the ETag is the row's version; a change must send it
 * back in {@code If-Match} (428 without it, 412 when someone else changed the row meanwhile).
 */
public final class ETags {
    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag("v" + version);
    }

    public static void require(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(Response.Status.PRECONDITION_REQUIRED, "if-match-required", "Precondition required",
                    "Send the ETag you last read in If-Match, so that you do not overwrite someone else's change.",
                    java.util.List.of(), Map.of());
        }
        String expected = "\"" + of(version).getValue() + "\"";
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(expected) || t.equals("W/" + expected)) {
                return;
            }
        }
        throw new ProblemException(Response.Status.PRECONDITION_FAILED, "stale", "Changed meanwhile",
                "It was changed since you read it; read it again (its ETag is " + expected + ") and retry.",
                java.util.List.of(), Map.of());
    }
}
