package io.cloudward.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The list conventions every collection endpoint shares: known filters only, a bounded limit, RFC 3339 times. */
public final class ListParams {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Set<String> COMMON = Set.of("limit", "cursor", "sort", "format");

    private ListParams() {
    }

    /** Rejects a query parameter the endpoint does not know, instead of silently ignoring a typo. */
    public static void rejectUnknown(UriInfo uri, String... filters) {
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(List.of(filters));
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(name, "Unknown parameter '" + name + "'. Known: " + String.join(", ", allowed) + ".");
            }
        }
    }

    /** A page as JSON, with a {@code Link: <…>; rel="next"} header when there is more. */
    public static Response page(UriInfo uri, Page<?> page) {
        Response.ResponseBuilder response = Response.ok(page);
        if (page.nextCursor() != null) {
            response.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(), "next");
        }
        return response.build();
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    public static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " must be an RFC 3339 UTC time such as 2026-11-23T08:00:00Z.");
        }
    }

    public static Long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "The cursor is not one this API issued; start again without it.");
        }
    }

    public static String encodeCursor(long position) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(position).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
