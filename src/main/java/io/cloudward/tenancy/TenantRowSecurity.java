package io.cloudward.tenancy;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The second wall: every connection the application takes from the pool carries the current tenant in
 * the {@code cloudward.tenant_id} setting that the row-level-security policies read, and loses it when
 * it goes back. Without a tenant the setting is empty and the policies return no rows at all.
 */
@ApplicationScoped
public class TenantRowSecurity implements AgroalPoolInterceptor {

    @Override
    public void onConnectionAcquire(Connection connection) {
        set(connection, currentTenant());
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        set(connection, "");
    }

    private static String currentTenant() {
        var container = Arc.container();
        InjectableContext requestContext = container.requestContext();
        if (!requestContext.isActive()) {
            return "";
        }
        return container.instance(TenantContext.class).get().tenantId().map(UUID::toString).orElse("");
    }

    private static void set(Connection connection, String tenantId) {
        try (PreparedStatement statement = connection.prepareStatement("select set_config('cloudward.tenant_id', ?, false)")) {
            statement.setString(1, tenantId);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not scope the connection to the tenant", e);
        }
    }
}
