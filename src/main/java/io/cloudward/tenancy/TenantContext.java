package io.cloudward.tenancy;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The tenant the current request (or job) acts for. Everything tenant-scoped reads it: Hibernate's
 * tenant discriminator (first wall) and the connection's row-level-security setting (second wall).
 */
@RequestScoped
public class TenantContext {
    private Access access;

    public Optional<Access> access() {
        return Optional.ofNullable(access);
    }

    public Optional<UUID> tenantId() {
        return access().map(Access::tenantId);
    }

    /** The current access, for code that only runs once a tenant has been established. */
    public Access require() {
        if (access == null) {
            throw new IllegalStateException("no tenant established for this request");
        }
        return access;
    }

    void enter(Access access) {
        this.access = access;
    }

    void leave() {
        this.access = null;
    }
}
