package io.cloudward.tenancy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations ran against the real PostgreSQL and Panache reads and writes through them. */
@QuarkusTest
class TenantPersistenceIT {

    @Inject
    TenantRepository tenants;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TenantRunner runner;

    @Test
    void migrationsAppliedAndPanacheRoundTrips() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version(), current_user, to_regclass('aws_account') is not null")) {
            rs.next();
            assertTrue(rs.getString(1).startsWith("PostgreSQL 17"), rs.getString(1));
            assertEquals("cloudward_app", rs.getString(2), "the application must not connect as the table owner");
            assertTrue(rs.getBoolean(3), "V1 created the core tables");
        }

        String slug = "acme-" + System.nanoTime();
        UUID id = UUID.randomUUID();
        Access access = TenantRunner.system(id, "test");
        runner.run(access, () -> tenants.persist(Tenant.create(id, slug, "Acme <Corp>")));

        Tenant read = runner.call(access, () -> tenants.findBySlug(slug).orElseThrow());
        assertEquals(id, read.id);
        assertEquals("Acme <Corp>", read.name);
        assertTrue(read.createdAt != null, "created_at comes from the database default");
        assertFalse(runner.call(TenantRunner.system(UUID.randomUUID(), "test"), () -> tenants.findBySlug(slug).isPresent()),
                "another tenant's context must not see the row");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> tenants.findBySlug(slug).isPresent()),
                "without a tenant nothing is visible");
    }

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.execute("drop table tenant"));
            assertTrue(error.getMessage().contains("must be owner"), error.getMessage());
        }
    }
}
