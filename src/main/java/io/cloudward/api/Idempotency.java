package io.cloudward.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.tenancy.Access;
import io.cloudward.tenancy.AuditLog;
import io.cloudward.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Honours an {@code Idempotency-Key} on a POST that creates something: the first response is kept for 24 hours and
 * replayed when the same principal sends the same key again, so a client retrying after a timeout creates nothing
 * twice; the same key with another request is refused (422). Call it inside the endpoint's transaction: the key is
 * claimed with an insert, so a concurrent duplicate waits for the first and then sees its response, and a failed
 * create releases the key with its rollback.
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final String WINDOW = "interval '24 hours'";

    private final EntityManager em;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, TenantContext tenant, AuditLog audit, ObjectMapper json) {
        this.em = em;
        this.tenant = tenant;
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param key      the header's value; null runs {@code create} without protection
     * @param endpoint names the operation, so one key cannot replay another endpoint's answer
     * @param request  the parsed body: what "the same request" means
     */
    public Response once(String key, String endpoint, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, HEADER + " must be 1 to 255 visible ASCII characters.");
        }
        Access access = tenant.require();
        String hash = hash(endpoint, request);
        // an expired key may be used again
        em.createNativeQuery("delete from idempotency_key where tenant_id = ?1 and principal = ?2 and idem_key = ?3"
                        + " and created_at < now() - " + WINDOW)
                .setParameter(1, access.tenantId()).setParameter(2, access.principal()).setParameter(3, key).executeUpdate();
        int claimed = em.createNativeQuery("""
                        insert into idempotency_key (tenant_id, principal, idem_key, request_hash)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, access.tenantId()).setParameter(2, access.principal()).setParameter(3, key)
                .setParameter(4, hash).executeUpdate();
        if (claimed == 0) {
            return replay(access, key, hash);
        }
        Response response = create.get();
        em.createNativeQuery("""
                        update idempotency_key set status = ?4, location = ?5, body = ?6
                        where tenant_id = ?1 and principal = ?2 and idem_key = ?3""")
                .setParameter(1, access.tenantId()).setParameter(2, access.principal()).setParameter(3, key)
                .setParameter(4, response.getStatus())
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, response.hasEntity() ? write(response.getEntity()) : null)
                .executeUpdate();
        return response;
    }

    private Response replay(Access access, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, status, location, body from idempotency_key
                        where tenant_id = ?1 and principal = ?2 and idem_key = ?3""")
                .setParameter(1, access.tenantId()).setParameter(2, access.principal()).setParameter(3, key).getResultList();
        if (rows.isEmpty() || ((Number) rows.getFirst()[1]).intValue() == 0) {
            // claimed in this very transaction, or by a request that is still running
            throw ProblemException.conflict("idempotency-in-progress", "A request with this " + HEADER + " is still in progress.");
        }
        Object[] row = rows.getFirst();
        if (!hash.equals(row[0])) {
            throw new ProblemException(ProblemException.UNPROCESSABLE, "idempotency-key-reused", "Idempotency key reused",
                    "This " + HEADER + " was used within the last 24 hours for a different request; use a new key.",
                    List.of(new Problem.FieldError(HEADER, "used for a different request")), Map.of());
        }
        audit.describe("idempotency-key", key, Map.of("replayed", true, "status", ((Number) row[1]).intValue()));
        Response.ResponseBuilder response = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            response.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            response.entity(row[3]).header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
        return response.build();
    }

    private String hash(String endpoint, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON", e);
        }
    }
}
