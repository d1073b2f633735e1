package io.cloudward.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every tenant-scoped endpoint declares the permission it needs (the access filter closes those that do not). */
class EndpointCatalogueTest {

    @Test
    void everyTenantEndpointDeclaresAPermission() {
        List<Endpoints.Endpoint> all = Endpoints.all();
        assertFalse(all.isEmpty(), "the catalogue found no endpoints: the scan is broken");
        assertTrue(all.stream().anyMatch(e -> e.path().equals("/api/v1/tenants/{tenantId}/members")));
        List<String> undeclared = all.stream().filter(Endpoints.Endpoint::tenantScoped)
                .filter(e -> e.permission() == null).map(Endpoints.Endpoint::toString).toList();
        assertEquals(List.of(), undeclared, "tenant endpoints without @Requires");
    }

    @Test
    void everyTenantChangeIsAudited() {
        List<String> unaudited = Endpoints.all().stream()
                .filter(e -> e.tenantScoped() && e.mutating())
                .filter(e -> !e.javaMethod().isAnnotationPresent(io.cloudward.tenancy.Audited.class))
                .map(Endpoints.Endpoint::toString).toList();
        assertEquals(List.of(), unaudited, "tenant changes without @Audited");
    }
}
