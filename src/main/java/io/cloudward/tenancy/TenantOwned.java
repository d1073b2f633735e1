package io.cloudward.tenancy;

import io.quarkus.arc.Arc;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The first wall between tenants. Every tenant-owned entity extends this class: Hibernate adds
 * {@code tenant_id = <current tenant>} to every query and load on it (an auto-enabled filter whose value
 * comes from the {@link TenantContext}), and a new row is stamped with the current tenant. No repository
 * method has to remember a where clause. Outside a tenant the filter matches nothing.
 */
@MappedSuperclass
@FilterDef(name = TenantOwned.FILTER, defaultCondition = "tenant_id = :tenantId", autoEnabled = true,
        applyToLoadByKey = true,
        parameters = @ParamDef(name = "tenantId", type = UUID.class, resolver = TenantOwned.CurrentTenant.class))
@Filter(name = TenantOwned.FILTER)
public abstract class TenantOwned {
    public static final String FILTER = "tenant";
    static final UUID NO_TENANT = new UUID(0, 0);

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @PrePersist
    void stampTenant() {
        UUID current = CurrentTenant.current();
        if (NO_TENANT.equals(current)) {
            throw new IllegalStateException("cannot store " + getClass().getSimpleName() + " outside a tenant");
        }
        if (tenantId != null && !tenantId.equals(current)) {
            throw new IllegalStateException("cannot store " + getClass().getSimpleName() + " for another tenant");
        }
        tenantId = current;
    }

    /** Supplies the filter's value from the request's (or job's) tenant context. */
    public static final class CurrentTenant implements Supplier<UUID> {
        @Override
        public UUID get() {
            return current();
        }

        static UUID current() {
            var container = Arc.container();
            if (!container.requestContext().isActive()) {
                return NO_TENANT;
            }
            return container.instance(TenantContext.class).get().tenantId().orElse(NO_TENANT);
        }
    }
}
