package io.cloudward.findings;

import io.agroal.api.AgroalDataSource;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static io.cloudward.findings.FindingFixtures.fail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenant B can neither see nor touch tenant A's findings: not through the store, the query, the actions, nor raw SQL. */
@QuarkusTest
class CrossTenantFindingsIT {
    private static final String ACCT = "777788889999";

    @Inject
    FindingStore store;
    @Inject
    FindingQuery query;
    @Inject
    FindingActions actions;
    @Inject
    TenantRunner runner;
    @Inject
    TenantRepository tenants;
    @Inject
    AgroalDataSource app;
    @Inject
    @DataSource("platform")
    AgroalDataSource platform;

    @Test
    void tenantBSeesAndTouchesNothingOfTenantA() throws Exception {
        FindingFixtures fx = new FindingFixtures(runner, tenants, platform);
        UUID a = fx.tenant("iso-a");
        UUID b = fx.tenant("iso-b");
        UUID accountA = fx.account(a, ACCT);
        fx.account(b, ACCT); // the same AWS account may be connected by two tenants; their findings stay apart
        ScopeUpdate update = store.begin(a, accountA, ACCT, "eu-west-1", "exposure", true);
        update.accept(fail("SecurityGroupOpenSsh", ACCT, "eu-west-1", "sg-secret", null));
        update.finish();
        UUID findingA = fx.as(a, () -> query.page(FindingQuery.Filter.all(), FindingQuery.Sort.LAST_SEEN, null, 10))
                .items().getFirst().id();

        assertEquals(List.of(), fx.as(b, () -> query.page(FindingQuery.Filter.all(), FindingQuery.Sort.LAST_SEEN, null, 10)).items());
        assertTrue(fx.as(b, () -> query.find(findingA)).isEmpty());
        assertTrue(fx.as(b, () -> query.history(findingA)).isEmpty());
        FindingActions.BulkResult touched = fx.as(b, () -> actions.resolve(List.of(findingA), "not mine"));
        assertEquals(0, touched.changed());
        assertEquals(List.of(findingA), touched.notFound());
        assertEquals("OPEN", fx.as(a, () -> query.find(findingA)).orElseThrow().status());
        assertThrows(IllegalArgumentException.class, () -> store.begin(b, accountA, ACCT, "eu-west-1", "exposure", true),
                "tenant B cannot write into tenant A's account");

        try (Connection c = app.getConnection()) {
            c.createStatement().execute("select set_config('cloudward.tenant_id', '" + b + "', false)");
            for (String table : List.of("finding", "finding_event", "outbox_event")) {
                assertEquals(0, count(c, "select count(*) from " + table + " where tenant_id = '" + a + "'"), table);
            }
            assertEquals(0, c.createStatement().executeUpdate("update finding set status = 'RESOLVED' where id = '" + findingA + "'"));
            SQLException refused = assertThrows(SQLException.class, () -> c.createStatement().execute("""
                    insert into suppression (id, tenant_id, check_id, reason, created_by)
                    values (gen_random_uuid(), '%s', '*', 'hide everything', 'intruder')""".formatted(a)));
            assertEquals("42501", refused.getSQLState());
            c.createStatement().execute("select set_config('cloudward.tenant_id', '', false)");
        }
        assertEquals("OPEN", fx.as(a, () -> query.find(findingA)).orElseThrow().status());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
