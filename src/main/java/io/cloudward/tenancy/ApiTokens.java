package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists and revokes the current tenant's API tokens. */
@ApplicationScoped
public class ApiTokens implements PanacheRepositoryBase<ApiToken, UUID> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration MAX_LIFETIME = Duration.ofDays(366);

    /** A token and the secret that is shown once. */
    public record Created(ApiToken token, String secret) {
    }

    private final TenantContext tenant;
    private final AuditLog audit;

    public ApiTokens(TenantContext tenant, AuditLog audit) {
        this.tenant = tenant;
        this.audit = audit;
    }

    public List<ApiToken> listAll() {
        return listAll(Sort.descending("createdAt"));
    }

    @Transactional
    public Created create(String name, Role role, Instant expiresAt) {
        Access creator = tenant.require();
        if (!creator.role().covers(role)) {
            throw ProblemException.invalid("role", "A token cannot have a higher role than yours (" + creator.role() + ").");
        }
        Instant now = Instant.now();
        if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_LIFETIME)))) {
            throw ProblemException.invalid("expiresAt", "The expiry must be in the future and within 366 days.");
        }
        String secret = ApiTokenAuthentication.PREFIX + random(40);
        ApiToken token = new ApiToken();
        token.id = UUID.randomUUID();
        token.name = name.strip();
        token.role = role;
        token.prefix = secret.substring(0, 10);
        token.tokenHash = hash(secret);
        token.createdBy = creator.display();
        token.expiresAt = expiresAt;
        persist(token);
        audit.describe("api-token", token.id, Map.of("name", token.name, "role", role.name(),
                "expiresAt", String.valueOf(expiresAt)));
        return new Created(token, secret);
    }

    @Transactional
    public ApiToken revoke(UUID id) {
        ApiToken token = findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("The API token"));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        audit.describe("api-token", token.id, Map.of("name", token.name));
        return token;
    }

    public Optional<ApiToken> find(UUID id) {
        return findByIdOptional(id);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
