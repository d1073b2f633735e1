package io.cloudward.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.sandbox.estate.EstateReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;

class SandboxRdsIT {

    private static final String MANY_DATABASES = "888888888888";
    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SandboxFixture();
        StringBuilder estate = new StringBuilder("accounts:\n  - id: \"" + MANY_DATABASES + "\"\n"
                + "    roles: [{name: CloudwardSecurityAudit, externalId: many-dbs-1}]\n"
                + "    regions:\n      eu-west-1:\n        rds:\n");
        for (int i = 0; i < 45; i++) {
            estate.append("          - {id: db-").append(i).append(", publiclyAccessible: ").append(i % 9 == 0).append("}\n");
        }
        fixture.sandbox.estate().load(EstateReader.read(estate.toString().getBytes(StandardCharsets.UTF_8),
                fixture.sandbox.clock().now()));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static RdsClient rds(String account, Region region) {
        return fixture.track(fixture.factory.create(RdsClient.builder(), region, fixture.role(account)));
    }

    @Test
    void publicUnencryptedDatabasesShowWhatTheyAre() {
        RdsClient rds = rds(SandboxFixture.EXPOSED_DB, Region.US_EAST_1);
        DBInstance customers = rds.describeDBInstances(r -> r.dbInstanceIdentifier("customers-prod")).dbInstances().get(0);
        assertTrue(customers.publiclyAccessible());
        assertFalse(customers.storageEncrypted());
        assertEquals(0, customers.backupRetentionPeriod());
        assertFalse(customers.deletionProtection());
        assertEquals(5432, customers.endpoint().port());
        assertTrue(customers.endpoint().address().startsWith("customers-prod."));
        assertEquals("arn:aws:rds:us-east-1:222222222222:db:customers-prod", customers.dbInstanceArn());
        assertEquals("sg-0e4b05ed0b00000db", customers.vpcSecurityGroups().get(0).vpcSecurityGroupId());
        assertEquals("<script>alert(1)</script>", customers.tagList().get(0).value());
        DbInstanceNotFoundException missing = assertThrows(DbInstanceNotFoundException.class,
                () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("nope")));
        assertEquals(404, missing.statusCode());
    }

    @Test
    void markerPaginationWalksEveryInstance() {
        RdsClient rds = fixture.track(fixture.factory.create(RdsClient.builder(), Region.EU_WEST_1,
                fixture.track(fixture.factory.assumeRole(fixture.hub(), Region.US_EAST_1,
                        SandboxFixture.roleArn(MANY_DATABASES), "many-dbs-1", "rds-test", Duration.ofHours(1)))));
        List<String> ids = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream()
                .map(DBInstance::dbInstanceIdentifier).toList();
        assertEquals(45, ids.size());
        assertEquals(45, ids.stream().distinct().count());
        assertEquals(5, rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream()
                .filter(DBInstance::publiclyAccessible).count());
        assertEquals(List.of("db-7"), rds.describeDBInstances(r -> r.filters(f -> f.name("db-instance-id")
                .values("db-7"))).dbInstances().stream().map(DBInstance::dbInstanceIdentifier).toList());
    }
}
