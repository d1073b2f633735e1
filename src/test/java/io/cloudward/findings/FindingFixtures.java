package io.cloudward.findings;

import io.agroal.api.AgroalDataSource;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.ResourceRef;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.tenancy.Tenant;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Tenants, accounts, check results and GuardDuty findings for the findings tests, and a look at the outbox. */
public final class FindingFixtures {
    private final TenantRunner runner;
    private final TenantRepository tenants;
    private final AgroalDataSource platform;

    public FindingFixtures(TenantRunner runner, TenantRepository tenants, AgroalDataSource platform) {
        this.runner = runner;
        this.tenants = tenants;
        this.platform = platform;
    }

    /** One outbox row as consumers will see it. */
    record Event(String topic, String key, String type, String findingId, String status) {
    }

    public UUID tenant(String name) {
        UUID id = UUID.randomUUID();
        runner.run(TenantRunner.system(id, "test"), () -> tenants.persist(Tenant.create(id, name + "-" + System.nanoTime(), name)));
        return id;
    }

    /** A connected AWS account of the tenant; returns its Cloudward id. */
    public UUID account(UUID tenant, String accountId) {
        UUID id = UUID.randomUUID();
        runner.run(TenantRunner.system(tenant, "test"), () -> io.quarkus.arc.Arc.container()
                .instance(jakarta.persistence.EntityManager.class).get().createNativeQuery("""
                        insert into aws_account (id, tenant_id, account_id, name, role_arn, external_id, status)
                        values (?1, ?2, ?3, ?4, ?5, ?6, 'CONNECTED')""")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, accountId).setParameter(4, "acct " + accountId)
                .setParameter(5, "arn:aws:iam::" + accountId + ":role/CloudwardReadOnly")
                .setParameter(6, "ext-" + UUID.randomUUID()).executeUpdate());
        return id;
    }

    public <T> T as(UUID tenant, Supplier<T> work) {
        return runner.call(TenantRunner.system(tenant, "test"), work);
    }

    public static CheckResult fail(String checkId, String accountId, String region, String resourceId, String variant) {
        return new CheckResult(checkId, CheckStatus.FAIL, ResourceRef.of("AwsEc2SecurityGroup", resourceId, region, accountId),
                checkId + " fails on " + resourceId, Map.of("port", 22), variant);
    }

    static CheckResult pass(String checkId, String accountId, String region, String resourceId) {
        return new CheckResult(checkId, CheckStatus.PASS, ResourceRef.of("AwsEc2SecurityGroup", resourceId, region, accountId),
                checkId + " passes on " + resourceId, Map.of("port", 22), null);
    }

    public static GuardDutyFindingFacts guardDuty(String accountId, String region, String id, double severity, int count,
                                           Instant createdAt, boolean archived) {
        return new GuardDutyFindingFacts(accountId, region, id, "arn:aws:guardduty:" + region + ":" + accountId + ":detector/d/finding/" + id,
                "CryptoCurrency:EC2/BitcoinTool.B!DNS", severity, "EC2 instance i-0abc is querying a Bitcoin domain",
                "i-0abc queried pool.example", createdAt, createdAt.plusSeconds(60L * count), archived, count, "Instance",
                "i-0abc", Map.of("instanceId", "i-0abc"));
    }

    /** The tenant's outbox rows after {@code afterId}, oldest first (read as the owner: the publisher may have sent them). */
    List<Event> events(UUID tenant, long afterId) throws Exception {
        List<Event> events = new ArrayList<>();
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement("""
                select topic, partition_key, type, payload->'data'->>'findingId', payload->'data'->>'status'
                from outbox_event where tenant_id = ? and id > ? order by id""")) {
            s.setObject(1, tenant);
            s.setLong(2, afterId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return events;
    }

    long lastEventId(UUID tenant) throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(max(id), 0) from outbox_event where tenant_id = ?")) {
            s.setObject(1, tenant);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void platformUpdate(String sql, Object... params) throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
