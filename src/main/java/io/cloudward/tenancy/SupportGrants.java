package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Grants and revokes operators' time-boxed, read-only support access to the current tenant. */
@ApplicationScoped
public class SupportGrants implements PanacheRepositoryBase<SupportGrant, UUID> {
    private static final Duration LONGEST = Duration.ofDays(7);

    private final TenantContext tenant;
    private final AuditLog audit;

    public SupportGrants(TenantContext tenant, AuditLog audit) {
        this.tenant = tenant;
        this.audit = audit;
    }

    public List<SupportGrant> listAll() {
        return listAll(Sort.descending("createdAt"));
    }

    @Transactional
    public SupportGrant grant(String reason, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("hours", "Support access lasts between 1 hour and 7 days.");
        }
        SupportGrant grant = new SupportGrant();
        grant.id = UUID.randomUUID();
        grant.grantedBy = tenant.require().display();
        grant.reason = reason.strip();
        grant.expiresAt = Instant.now().plus(duration);
        persist(grant);
        audit.describe("support-grant", grant.id, Map.of("reason", grant.reason, "expiresAt", grant.expiresAt.toString()));
        return grant;
    }

    @Transactional
    public SupportGrant revoke(UUID id) {
        SupportGrant grant = findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("The support grant"));
        if (grant.revokedAt == null) {
            grant.revokedAt = Instant.now();
        }
        audit.describe("support-grant", id, Map.of());
        return grant;
    }
}
