package io.cloudward.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.api.Page;
import io.cloudward.api.ProblemException;
import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the current tenant's findings for the explorer and the API: filters, three sort orders (all newest or
 * worst first, ties broken by id) and keyset pagination with an opaque cursor, so page 1,000 costs what page 1
 * costs. The tenant filter on {@link Finding} scopes every query; row-level security backs it.
 */
@ApplicationScoped
public class FindingQuery {

    public enum Sort { LAST_SEEN, FIRST_SEEN, SEVERITY }

    /**
     * Every field is optional (null or empty = any).
     *
     * @param minSeverity this severity or worse
     * @param text        case-insensitive substring of title, sentence, check id or resource id
     */
    public record Filter(Severity minSeverity, Set<Severity> severities, Set<Category> categories,
                         Set<FindingStatus> statuses, Set<String> accountIds, Set<String> regions, Set<String> sources,
                         String text, UUID incidentId) {

        public static Filter all() {
            return new Filter(null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null, null);
        }

        public static Filter statuses(FindingStatus... statuses) {
            return new Filter(null, Set.of(), Set.of(), Set.of(statuses), Set.of(), Set.of(), Set.of(), null, null);
        }
    }

    /** One history entry; detail is the JSON the store recorded (what changed, the reason, the comment). */
    public record HistoryEntry(long id, Instant at, String type, String actor, JsonNode detail) {
    }

    public record FindingDetail(FindingView finding, JsonNode evidence, List<HistoryEntry> history) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public FindingQuery(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Page<FindingView> page(Filter filter, Sort sort, String cursor, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where(filter, where, params);
        if (cursor != null && !cursor.isBlank()) {
            after(sort, Cursor.decode(sort, cursor), where, params);
        }
        String order = switch (sort) {
            case LAST_SEEN -> "lastSeen desc, id desc";
            case FIRST_SEEN -> "firstSeen desc, id desc";
            case SEVERITY -> "severity desc, lastSeen desc, id desc";
        };
        var query = em.createQuery("from Finding" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + order, Finding.class);
        params.map().forEach(query::setParameter);
        List<Finding> rows = query.setMaxResults(limit + 1).getResultList();
        String next = rows.size() > limit ? Cursor.of(sort, rows.get(limit - 1)) : null;
        return new Page<>(rows.stream().limit(limit).map(FindingView::of).toList(), next);
    }

    public Optional<FindingView> find(UUID id) {
        return Optional.ofNullable(em.find(Finding.class, id)).map(FindingView::of);
    }

    public Optional<FindingDetail> detail(UUID id) {
        return Optional.ofNullable(em.find(Finding.class, id))
                .map(f -> new FindingDetail(FindingView.of(f), tree(f.evidence), history(f.id)));
    }

    public List<HistoryEntry> history(UUID findingId) {
        return em.createQuery("from FindingEvent where findingId = :id order by id", FindingEvent.class)
                .setParameter("id", findingId).getResultStream()
                .map(e -> new HistoryEntry(e.id, e.at, e.type.name(), e.actor, tree(e.detail))).toList();
    }

    /** An incident with its timeline: its findings in the order they happened. */
    public Optional<IncidentView> incident(UUID id) {
        return Optional.ofNullable(em.find(Incident.class, id)).map(i -> IncidentView.of(i,
                em.createQuery("from Finding where incidentId = :id order by occurredAt, id", Finding.class)
                        .setParameter("id", id).getResultStream().map(FindingView::of).toList()));
    }

    /** The tenant's incidents, latest activity first; {@code status} null means all. */
    public Page<IncidentView> incidents(Incident.Status status, String cursor, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (cursor != null && !cursor.isBlank()) {
            TimeCursor c = TimeCursor.decode("incidents", cursor);
            where.add("(lastEventAt < :cTime or (lastEventAt = :cTime and id < :cId))");
            params.and("cTime", c.time()).and("cId", c.id());
        }
        var query = em.createQuery("from Incident" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by lastEventAt desc, id desc", Incident.class);
        params.map().forEach(query::setParameter);
        List<Incident> rows = query.setMaxResults(limit + 1).getResultList();
        String next = rows.size() > limit ? TimeCursor.of("incidents", rows.get(limit - 1).lastEventAt, rows.get(limit - 1).id) : null;
        return new Page<>(rows.stream().limit(limit).map(i -> IncidentView.of(i, List.of())).toList(), next);
    }

    /** The tenant's suppression rules (revoked and expired ones too), newest first. */
    public Page<Suppression> rules(String cursor, int limit) {
        var query = em.createQuery("from Suppression"
                + (cursor == null || cursor.isBlank() ? "" : " where (createdAt < :cTime or (createdAt = :cTime and id < :cId))")
                + " order by createdAt desc, id desc", Suppression.class);
        if (cursor != null && !cursor.isBlank()) {
            TimeCursor c = TimeCursor.decode("suppression-rules", cursor);
            query.setParameter("cTime", c.time()).setParameter("cId", c.id());
        }
        List<Suppression> rows = query.setMaxResults(limit + 1).getResultList();
        String next = rows.size() > limit ? TimeCursor.of("suppression-rules", rows.get(limit - 1).createdAt, rows.get(limit - 1).id) : null;
        return new Page<>(rows.stream().limit(limit).toList(), next);
    }

    public Optional<Suppression> rule(UUID id) {
        return Optional.ofNullable(em.find(Suppression.class, id));
    }

    public List<IncidentView> openIncidents() {
        return em.createQuery("from Incident where status = :open order by lastEventAt desc", Incident.class)
                .setParameter("open", Incident.Status.OPEN).setMaxResults(500).getResultStream()
                .map(i -> IncidentView.of(i, List.of())).toList();
    }

    private static void where(Filter f, List<String> where, Parameters params) {
        Set<Severity> severities = f.severities() == null || f.severities().isEmpty()
                ? EnumSet.allOf(Severity.class) : EnumSet.copyOf(f.severities());
        if (f.minSeverity() != null) {
            severities.removeIf(s -> !s.isAtLeast(f.minSeverity()));
        }
        if (severities.isEmpty()) {
            where.add("1 = 0");
        } else if (severities.size() < Severity.values().length) {
            where.add("severity in :severities");
            params.and("severities", severities);
        }
        in(where, params, "category", "categories",
                f.categories() == null ? null : f.categories().stream().map(Category::slug).toList());
        in(where, params, "status", "statuses", f.statuses() == null ? null : List.copyOf(f.statuses()));
        in(where, params, "accountId", "accounts", f.accountIds() == null ? null : List.copyOf(f.accountIds()));
        in(where, params, "region", "regions", f.regions() == null ? null : List.copyOf(f.regions()));
        in(where, params, "source", "sources", f.sources() == null ? null : List.copyOf(f.sources()));
        if (f.text() != null && !f.text().isBlank()) {
            where.add("(lower(title) like :text escape '!' or lower(description) like :text escape '!'"
                    + " or lower(checkId) like :text escape '!' or lower(resourceId) like :text escape '!')");
            params.and("text", "%" + f.text().strip().toLowerCase()
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.incidentId() != null) {
            where.add("incidentId = :incident");
            params.and("incident", f.incidentId());
        }
    }

    private static void in(List<String> where, Parameters params, String field, String name, List<?> values) {
        if (values != null && !values.isEmpty()) {
            where.add(field + " in :" + name);
            params.and(name, values);
        }
    }

    /** Rows strictly after the cursor's row in the sort order. */
    private static void after(Sort sort, Cursor c, List<String> where, Parameters params) {
        params.and("cTime", c.time()).and("cId", c.id());
        String timeField = sort == Sort.FIRST_SEEN ? "firstSeen" : "lastSeen";
        String byTime = "(" + timeField + " < :cTime or (" + timeField + " = :cTime and id < :cId))";
        if (sort != Sort.SEVERITY) {
            where.add(byTime);
            return;
        }
        Set<Severity> lower = EnumSet.noneOf(Severity.class);
        Arrays.stream(Severity.values()).filter(s -> s.compareTo(c.severity()) < 0).forEach(lower::add);
        params.and("cSeverity", c.severity());
        if (lower.isEmpty()) {
            where.add("(severity = :cSeverity and " + byTime + ")");
        } else {
            params.and("cLower", lower);
            where.add("(severity in :cLower or (severity = :cSeverity and " + byTime + "))");
        }
    }

    private JsonNode tree(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** The position of the last row of a page, bound to its sort order: {@code sort|severity|time|id}, base64url. */
    record Cursor(Severity severity, Instant time, UUID id) {
        static String of(Sort sort, Finding f) {
            Instant time = sort == Sort.FIRST_SEEN ? f.firstSeen : f.lastSeen;
            String raw = String.join("|", sort.name(), f.severity.name(), time.toString(), f.id.toString());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(Sort sort, String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 4 || !parts[0].equals(sort.name())) {
                    throw new IllegalArgumentException("cursor of another list");
                }
                return new Cursor(Severity.valueOf(parts[1]), Instant.parse(parts[2]), UUID.fromString(parts[3]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "The cursor is not one this API issued for this sort; start again without it.");
            }
        }
    }
}
