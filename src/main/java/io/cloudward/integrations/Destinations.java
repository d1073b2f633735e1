package io.cloudward.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.api.Problem;
import io.cloudward.api.ProblemException;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The current tenant's alert destinations: settings validated per kind, URLs checked against the
 * outbound policy, secrets sealed and only ever shown masked.
 */
@ApplicationScoped
public class Destinations implements PanacheRepositoryBase<Destination, UUID> {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A destination as the API shows it: secrets masked. */
    public record View(UUID id, String name, DestinationKind kind, Map<String, String> settings, int timeoutSeconds,
                       boolean enabled, long version, Instant createdAt, Instant updatedAt) {
    }

    /**
     * A create or a change. On change, a secret left out (or null) keeps its value.
     */
    public record Draft(String name, DestinationKind kind, Map<String, String> settings, Integer timeoutSeconds, Boolean enabled) {
    }

    /** A created destination and, for a webhook whose signing secret Cloudward generated, that secret (shown once). */
    public record Created(View destination, String signingSecret) {
    }

    private final TenantContext tenant;
    private final SecretBox box;
    private final OutboundHttp http;
    private final AuditLog audit;
    private final ObjectMapper json;

    public Destinations(TenantContext tenant, SecretBox box, OutboundHttp http, AuditLog audit, ObjectMapper json) {
        this.tenant = tenant;
        this.box = box;
        this.http = http;
        this.audit = audit;
        this.json = json;
    }

    public List<View> views() {
        return listAll(Sort.ascending("name")).stream().map(this::view).toList();
    }

    public Optional<Destination> find(UUID id) {
        return findByIdOptional(id);
    }

    public Destination require(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("The destination"));
    }

    @Transactional
    public Created create(Draft draft) {
        if (draft.kind() == null) {
            throw ProblemException.invalid("kind", "kind is required: one of WEBHOOK, SLACK, TEAMS, PAGERDUTY, JIRA, SERVICENOW.");
        }
        Destination d = new Destination();
        d.id = UUID.randomUUID();
        d.kind = draft.kind();
        d.createdAt = Instant.now();
        d.version = 0;
        Map<String, String> given = new LinkedHashMap<>(draft.settings() == null ? Map.of() : draft.settings());
        String generated = null;
        if (d.kind == DestinationKind.WEBHOOK && blank(given.get("signingSecret"))) {
            generated = "whsec_" + HexFormat.of().formatHex(bytes(24));
            given.put("signingSecret", generated);
        }
        apply(d, draft, given, Map.of(), true);
        persist(d);
        audit.describe("destination", d.id, Map.of("name", d.name, "kind", d.kind.name()));
        return new Created(view(d), generated);
    }

    @Transactional
    public Destination update(Destination d, Draft draft) {
        if (draft.kind() != null && draft.kind() != d.kind) {
            throw ProblemException.invalid("kind", "The kind of a destination cannot change; create another one.");
        }
        Map<String, String> before = box.open(d.tenantId, d.id, d.secrets);
        Map<String, String> merged = new LinkedHashMap<>(publicSettings(d));
        merged.putAll(before);
        if (draft.settings() != null) {
            draft.settings().forEach((k, v) -> {
                boolean secret = d.kind.setting(k).map(DestinationKind.Setting::secret).orElse(false);
                if (!(secret && (v == null || v.startsWith("••••")))) {
                    merged.put(k, v);
                }
            });
        }
        apply(d, draft, merged, before, false);
        audit.describe("destination", d.id, Map.of("name", d.name, "kind", d.kind.name()));
        return d;
    }

    @Transactional
    public void remove(Destination d) {
        audit.describe("destination", d.id, Map.of("name", d.name, "kind", d.kind.name()));
        delete(d);
    }

    /** Settings with secrets opened, for sending. */
    public Map<String, String> openSettings(Destination d) {
        Map<String, String> all = new LinkedHashMap<>(publicSettings(d));
        all.putAll(box.open(d.tenantId, d.id, d.secrets));
        return all;
    }

    public View view(Destination d) {
        Map<String, String> shown = new TreeMap<>(publicSettings(d));
        box.open(d.tenantId, d.id, d.secrets).forEach((k, v) -> shown.put(k, SecretBox.mask(v)));
        return new View(d.id, d.name, d.kind, shown, d.timeoutSeconds, d.enabled, d.version, d.createdAt, d.updatedAt);
    }

    private void apply(Destination d, Draft draft, Map<String, String> values, Map<String, String> before, boolean creating) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? d.name : draft.name().strip();
        if (blank(name) || name.length() > 100) {
            errors.add(new Problem.FieldError("name", "A name of 1 to 100 characters is required."));
        }
        int timeout = draft.timeoutSeconds() == null ? (creating ? 10 : d.timeoutSeconds) : draft.timeoutSeconds();
        if (timeout < 1 || timeout > 30) {
            errors.add(new Problem.FieldError("timeoutSeconds", "The timeout must be 1 to 30 seconds."));
        }
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        for (String key : values.keySet()) {
            if (d.kind.setting(key).isEmpty()) {
                errors.add(new Problem.FieldError("settings." + key, "Unknown setting for " + d.kind + "."));
            }
        }
        for (DestinationKind.Setting s : d.kind.settings()) {
            String value = values.get(s.name());
            if (blank(value)) {
                value = s.defaultValue();
            }
            if (blank(value)) {
                if (s.required()) {
                    errors.add(new Problem.FieldError("settings." + s.name(), s.name() + " is required for " + d.kind + "."));
                }
                continue;
            }
            if (value.length() > 2000) {
                errors.add(new Problem.FieldError("settings." + s.name(), s.name() + " is too long."));
                continue;
            }
            if (s.url()) {
                try {
                    http.policy().checkUrl(value);
                } catch (OutboundPolicy.Refused e) {
                    errors.add(new Problem.FieldError("settings." + s.name(), "Refused: " + e.getMessage() + "."));
                }
            }
            (s.secret() ? secrets : plain).put(s.name(), value);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The destination has invalid settings.", errors);
        }
        d.name = name;
        d.timeoutSeconds = timeout;
        d.enabled = draft.enabled() == null ? (creating || d.enabled) : draft.enabled();
        d.settings = write(plain);
        d.tenantId = tenant.require().tenantId();
        if (!secrets.equals(before) || creating) {
            d.secrets = box.seal(d.tenantId, d.id, secrets);
        }
        d.version++;
        d.updatedAt = Instant.now();
    }

    private Map<String, String> publicSettings(Destination d) {
        try {
            return json.readValue(d.settings, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("destination settings are not a JSON object", e);
        }
    }

    private String write(Map<String, String> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
