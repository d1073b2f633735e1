package io.cloudward.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The first wall: Hibernate adds {@code tenant_id = <current tenant>} to every query on an entity with a
 * {@code @TenantId} field and stamps it on every insert, so no repository method has to remember it.
 * Outside a tenant the resolver answers a tenant id that matches nothing.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class CurrentTenantResolver implements TenantResolver {
    static final String NO_TENANT = new UUID(0, 0).toString();

    @Override
    public String getDefaultTenantId() {
        return NO_TENANT;
    }

    @Override
    public String resolveTenantId() {
        var container = Arc.container();
        if (!container.requestContext().isActive()) {
            return NO_TENANT;
        }
        return container.instance(TenantContext.class).get().tenantId().map(UUID::toString).orElse(NO_TENANT);
    }
}
