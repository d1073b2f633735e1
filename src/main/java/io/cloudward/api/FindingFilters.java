package io.cloudward.api;

import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.FindingStatus;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The findings list's query parameters, shared by the list and its export. List filters take repeated parameters
 * or comma-separated values ({@code severity=high,critical}); values within one filter are alternatives, filters
 * combine with "and".
 */
public final class FindingFilters {
    static final String[] NAMES = {"severity", "minSeverity", "category", "status", "accountId", "region", "source", "q",
            "incidentId"};
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    /** Regions are lower case; sources are the collection source names (GUARDDUTY_FINDINGS) or a short slug. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_VALUES = 50;
    private static final int MAX_TEXT = 200;

    private FindingFilters() {
    }

    public static FindingQuery.Filter filter(UriInfo uri) {
        ListParams.rejectUnknown(uri, NAMES);
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        String min = single(q, "minSeverity");
        String text = single(q, "q");
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.invalid("q", "q must be at most " + MAX_TEXT + " characters.");
        }
        String incident = single(q, "incidentId");
        return new FindingQuery.Filter(min == null ? null : parse("minSeverity", min, Severity::parse),
                values(q, "severity", Severity::parse),
                values(q, "category", Category::fromSlug),
                values(q, "status", s -> FindingStatus.valueOf(s.toUpperCase(Locale.ROOT))),
                values(q, "accountId", s -> matching(s, ACCOUNT)),
                values(q, "region", s -> matching(s, TOKEN)),
                values(q, "source", s -> matching(s, TOKEN)),
                text, incident == null ? null : parse("incidentId", incident, UUID::fromString));
    }

    /** {@code sort=lastSeen} (default, newest first), {@code firstSeen} or {@code severity} (worst first). */
    public static FindingQuery.Sort sort(UriInfo uri) {
        String sort = single(uri.getQueryParameters(), "sort");
        if (sort == null) {
            return FindingQuery.Sort.LAST_SEEN;
        }
        return switch (sort) {
            case "lastSeen" -> FindingQuery.Sort.LAST_SEEN;
            case "firstSeen" -> FindingQuery.Sort.FIRST_SEEN;
            case "severity" -> FindingQuery.Sort.SEVERITY;
            default -> throw ProblemException.invalid("sort", "sort must be lastSeen, firstSeen or severity.");
        };
    }

    private static <T> Set<T> values(MultivaluedMap<String, String> q, String name, Function<String, T> parser) {
        List<String> raw = new ArrayList<>();
        for (String value : q.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    raw.add(part.strip());
                }
            }
        }
        if (raw.size() > MAX_VALUES) {
            throw ProblemException.invalid(name, name + " takes at most " + MAX_VALUES + " values.");
        }
        Set<T> parsed = new LinkedHashSet<>();
        raw.forEach(value -> parsed.add(parse(name, value, parser)));
        return parsed;
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + clip(value) + "' is not a valid " + name + ".");
        }
    }

    private static String single(MultivaluedMap<String, String> q, String name) {
        List<String> values = q.get(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(name, name + " may be given once.");
        }
        return values.getFirst().strip();
    }

    private static String matching(String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return value;
    }

    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
