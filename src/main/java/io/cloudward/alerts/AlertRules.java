package io.cloudward.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.api.Problem;
import io.cloudward.api.ProblemException;
import io.cloudward.checks.Severity;
import io.cloudward.integrations.Destinations;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's alert rules, in order; the default rules appear the first time they are looked at. */
@ApplicationScoped
public class AlertRules implements PanacheRepositoryBase<AlertRule, UUID> {
    /** Events a preview reads at most. */
    static final int PREVIEW_SCAN_LIMIT = 50_000;

    /** A rule as the API shows it and takes it. */
    public record View(UUID id, String name, int position, boolean enabled, AlertMatch match, AlertAction action,
                       String builtin, long version, Instant createdAt, Instant updatedAt) {
    }

    public record Draft(String name, Integer position, Boolean enabled, AlertMatch match, AlertAction action) {
    }

    /** "This rule would have matched N events in the last D days", with a few of them. */
    public record Preview(int matched, int days, int scanned, boolean truncated, List<Sample> samples) {
    }

    public record Sample(UUID eventId, String type, String accountId, String region, String severity, String title, Instant occurredAt) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final Destinations destinations;
    private final AccountNames accounts;
    private final AuditLog audit;
    private final ObjectMapper json;

    public AlertRules(EntityManager em, TenantContext tenant, Destinations destinations, AccountNames accounts,
                      AuditLog audit, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.destinations = destinations;
        this.accounts = accounts;
        this.audit = audit;
        this.json = json;
    }

    /** The enabled and disabled rules in order (creating the defaults once). */
    @Transactional
    public List<AlertRule> ordered() {
        ensureDefaults();
        return listAll(Sort.ascending("position").and("createdAt"));
    }

    public Optional<AlertRule> find(UUID id) {
        return findByIdOptional(id);
    }

    public AlertRule require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("The alert rule"));
    }

    /** Creates the default rules the first time for this tenant; never again, even if they are deleted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ensureDefaults() {
        UUID tenantId = tenant.require().tenantId();
        int first = em.createNativeQuery("insert into alert_defaults (tenant_id) values (?1) on conflict do nothing")
                .setParameter(1, tenantId).executeUpdate();
        if (first == 0) {
            return;
        }
        int position = 0;
        for (DefaultRules.Default d : DefaultRules.ALL) {
            AlertRule rule = newRule();
            rule.name = d.name();
            rule.position = position += 10;
            rule.match = write(d.match());
            rule.action = write(DefaultRules.action());
            rule.builtin = d.key();
            persist(rule);
        }
    }

    @Transactional
    public AlertRule create(Draft draft) {
        ensureDefaults();
        AlertRule rule = newRule();
        Integer last = em.createQuery("select max(r.position) from AlertRule r", Integer.class).getSingleResult();
        rule.position = last == null ? 10 : last + 10;
        apply(rule, draft, true);
        persist(rule);
        audit.describe("alert-rule", rule.id, Map.of("name", rule.name));
        return rule;
    }

    @Transactional
    public AlertRule update(AlertRule rule, Draft draft) {
        apply(rule, draft, false);
        rule.version++;
        rule.updatedAt = Instant.now();
        audit.describe("alert-rule", rule.id, Map.of("name", rule.name, "version", rule.version));
        return rule;
    }

    @Transactional
    public void remove(AlertRule rule) {
        audit.describe("alert-rule", rule.id, Map.of("name", rule.name));
        delete(rule);
    }

    /** Evaluates the rule's match against the tenant's events of the last {@code days} days (the outbox keeps them). */
    @Transactional
    public Preview preview(AlertRule rule, int days) {
        AlertMatch match = match(rule);
        Map<String, String> names = accounts.names();
        @SuppressWarnings("unchecked")
        List<String> payloads = em.createNativeQuery("""
                        select payload::text from outbox_event where created_at > ?1 order by id desc limit ?2""")
                .setParameter(1, Instant.now().minus(Duration.ofDays(days))).setParameter(2, PREVIEW_SCAN_LIMIT + 1)
                .getResultList();
        boolean truncated = payloads.size() > PREVIEW_SCAN_LIMIT;
        int matched = 0;
        List<Sample> samples = new ArrayList<>();
        for (String payload : payloads.subList(0, Math.min(payloads.size(), PREVIEW_SCAN_LIMIT))) {
            AlertEvent e = parse(payload);
            if (e != null && match.matches(e, names.get(e.accountId()))) {
                matched++;
                if (samples.size() < 10) {
                    samples.add(new Sample(e.eventId(), e.type(), e.accountId(), e.region(), e.severity(), e.title(), e.occurredAt()));
                }
            }
        }
        return new Preview(matched, days, Math.min(payloads.size(), PREVIEW_SCAN_LIMIT), truncated, samples);
    }

    public View view(AlertRule r) {
        return new View(r.id, r.name, r.position, r.enabled, match(r), action(r), r.builtin, r.version, r.createdAt, r.updatedAt);
    }

    public AlertMatch match(AlertRule r) {
        return read(r.match, AlertMatch.class);
    }

    public AlertAction action(AlertRule r) {
        return read(r.action, AlertAction.class);
    }

    private void apply(AlertRule rule, Draft draft, boolean creating) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? rule.name : draft.name().strip();
        if (name == null || name.isBlank() || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "A name of 1 to 100 characters is required."));
        }
        AlertMatch match = draft.match() != null ? draft.match() : creating ? null : match(rule);
        AlertAction action = draft.action() != null ? draft.action() : creating ? null : action(rule);
        if (match == null) {
            errors.add(new Problem.FieldError("match", "match is required (an empty object matches every event)."));
        } else if (match.minSeverity() != null) {
            try {
                Severity.parse(match.minSeverity());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("match.minSeverity", e.getMessage()));
            }
        }
        if (action == null) {
            errors.add(new Problem.FieldError("action", "action is required."));
        } else {
            if (action.destinationIds().isEmpty() && !action.allDestinations()) {
                errors.add(new Problem.FieldError("action.destinationIds", "Name at least one destination, or set allDestinations."));
            }
            for (UUID id : action.destinationIds()) {
                if (id == null || destinations.find(id).isEmpty()) {
                    errors.add(new Problem.FieldError("action.destinationIds", "No destination " + id + " in this tenant."));
                }
            }
            if (action.throttleMinutes() < 0 || action.throttleMinutes() > 1440) {
                errors.add(new Problem.FieldError("action.throttleMinutes", "The throttle is 0 to 1440 minutes."));
            }
            if (action.throttleMinutes() > 0 && action.digest() != null) {
                errors.add(new Problem.FieldError("action", "Choose a throttle or a digest, not both."));
            }
        }
        if (draft.position() != null && (draft.position() < 0 || draft.position() > 1_000_000)) {
            errors.add(new Problem.FieldError("position", "The position is 0 to 1000000."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The rule is not valid.", errors);
        }
        rule.name = name;
        rule.match = write(match);
        rule.action = write(action);
        if (draft.position() != null) {
            rule.position = draft.position();
        }
        if (draft.enabled() != null) {
            rule.enabled = draft.enabled();
        }
    }

    private AlertRule newRule() {
        AlertRule rule = new AlertRule();
        rule.id = UUID.randomUUID();
        rule.enabled = true;
        rule.version = 1;
        rule.createdAt = Instant.now();
        rule.updatedAt = rule.createdAt;
        return rule;
    }

    private AlertEvent parse(String payload) {
        try {
            return AlertEvent.of(json.readTree(payload));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert rule is not readable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
