package io.cloudward.web;

import io.agroal.api.AgroalDataSource;
import io.cloudward.api.TenantFixtures;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.CheckStatus;
import io.cloudward.checks.ResourceRef;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.checks.events.TrailEventClassifier;
import io.cloudward.collect.snapshot.GuardDutyFindingFacts;
import io.cloudward.devstack.TestPeople;
import io.cloudward.findings.FindingFixtures;
import io.cloudward.findings.FindingStore;
import io.cloudward.findings.ScopeUpdate;
import io.cloudward.scoring.ScoreService;
import io.cloudward.tenancy.Members;
import io.cloudward.tenancy.Role;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.Arc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant for the page tests, fed through the findings store as collection runs would: exposure findings (one
 * with markup in its sentence and evidence), GuardDuty off in one of two regions, a GuardDuty finding with markup,
 * a compromise followed by StopLogging (an incident), a finished run with a denied source and a run in progress,
 * score snapshots; plus a second person who owns an empty tenant and is a VIEWER of this one.
 */
final class PageSeeds {
    static final String ACCT = "111122223333";
    /** AWS text is untrusted: a page must show it as text. */
    static final String MARKUP = "<script>alert('x')</script>";

    record Seeded(UUID tenant, UUID account, UUID otherTenant, TestPeople.Person owner, TestPeople.Person other,
                  UUID runningRun, UUID finishedRun) {
    }

    private final FindingStore store = Arc.container().instance(FindingStore.class).get();
    private final TenantRunner runner = Arc.container().instance(TenantRunner.class).get();
    private final TenantRepository tenants = Arc.container().instance(TenantRepository.class).get();
    private final Members members = Arc.container().instance(Members.class).get();
    private final ScoreService scores = Arc.container().instance(ScoreService.class).get();
    private final AgroalDataSource platform = Arc.container().select(AgroalDataSource.class,
            new DataSource.DataSourceLiteral("platform")).get();

    Seeded seed() throws Exception {
        TestPeople.Person owner = TestPeople.create("pages-owner");
        TestPeople.Person other = TestPeople.create("pages-viewer");
        UUID tenant = TenantFixtures.createTenant(owner.token(), "pages");
        UUID otherTenant = TenantFixtures.createTenant(other.token(), "pages-other");
        runner.run(TenantRunner.system(tenant, "test"), () -> members.add(other.id(), other.email(), "Vera Viewer", Role.VIEWER));
        FindingFixtures fx = new FindingFixtures(runner, tenants, platform);
        UUID account = fx.account(tenant, ACCT);
        sql("update aws_account set name = ?, regions = '{eu-west-1,us-east-1}', enabled_regions = '{eu-west-1,us-east-1}' where id = ?",
                "prod " + MARKUP, account);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScopeUpdate exposure = store.begin(tenant, account, ACCT, "eu-west-1", "EXPOSURE_EC2", false);
        exposure.accept(new CheckResult("SecurityGroupOpenSsh", CheckStatus.FAIL,
                ResourceRef.of("AwsEc2SecurityGroup", "sg-0ssh", "eu-west-1", ACCT),
                "Security group sg-0ssh allows 0.0.0.0/0 to 22 " + MARKUP,
                Map.of("openings", List.of("0.0.0.0/0 to 22"), "reachable", List.of("i-0web " + MARKUP)), "EXPOSED"));
        exposure.accept(FindingFixtures.fail("SecurityGroupOpenRdp", ACCT, "eu-west-1", "sg-0rdp", "EXPOSED"));
        exposure.accept(FindingFixtures.fail("RdsDeletionProtectionEnabled", ACCT, "eu-west-1", "db-1", null));
        exposure.finish();
        ScopeUpdate detectors = store.begin(tenant, account, ACCT, "us-east-1", "GUARDDUTY_DETECTORS", false);
        detectors.accept(new CheckResult("GuardDutyEnabled", CheckStatus.FAIL, ResourceRef.accountRegion(ACCT, "us-east-1"),
                "GuardDuty is not enabled in us-east-1.", Map.of("detector", "none"), null));
        detectors.finish();
        ScopeUpdate threats = store.begin(tenant, account, ACCT, "eu-west-1", "GUARDDUTY_FINDINGS", false);
        threats.accept(new GuardDutyFindingFacts(ACCT, "eu-west-1", "gd-markup", "arn:aws:guardduty:eu-west-1:" + ACCT
                + ":detector/d/finding/gd-markup", "Recon:EC2/PortProbeUnprotectedPort", 5.0, "Port probe " + MARKUP,
                "desc " + MARKUP, now.minusSeconds(7200), now.minusSeconds(7200), false, 1, "Instance", "i-0markup",
                Map.of("instanceId", "i-0markup", "tag", MARKUP)));
        threats.accept(FindingFixtures.guardDuty(ACCT, "eu-west-1", "gd-inc", 8.5, 1, now.minusSeconds(3600), false));
        threats.finish();
        TrailEvent stop = TrailEvent.parse("""
                {"eventTime": "%s", "eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging",
                 "awsRegion": "eu-west-1", "sourceIPAddress": "203.0.113.7", "eventType": "AwsApiCall",
                 "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::%s:user/mallory"},
                 "requestParameters": {"name": "main"}}""".formatted(now.minusSeconds(1800), ACCT));
        ScopeUpdate trail = store.begin(tenant, account, ACCT, "eu-west-1", "CLOUDTRAIL_EVENTS", false);
        TrailEventClassifier.classify(stop).forEach(signal -> trail.accept(stop, signal));
        trail.finish();

        // A finished posture run that saw GuardDuty in both regions and was denied Config in one; a run in progress.
        UUID finished = UUID.randomUUID();
        sql("""
                insert into scan_run (id, tenant_id, aws_account_id, account_id, family, trigger, status, requested_by,
                                      created_at, started_at, finished_at, sources_total, sources_done, findings_created)
                values (?, ?, ?, ?, 'ALL', 'MANUAL', 'PARTIAL', 'owner', now() - interval '61 minutes', now() - interval '1 hour', now() - interval '50 minutes', 3, 3, 7)""",
                finished, tenant, account, ACCT);
        for (Object[] s : List.of(new Object[]{"eu-west-1", "GUARDDUTY_DETECTORS", "OK", null},
                new Object[]{"us-east-1", "GUARDDUTY_DETECTORS", "OK", null},
                new Object[]{"eu-west-1", "CONFIG", "ACCESS_DENIED", "config:DescribeConfigurationRecorders"})) {
            sql("""
                    insert into scan_run_source (run_id, tenant_id, region, source, status, denied_action, message, api_calls, items, duration_ms)
                    values (?, ?, ?, ?, ?, ?, ?, 2, 1, 120)""", finished, tenant, s[0], s[1], s[2], s[3],
                    s[3] == null ? null : "The role lacks " + s[3] + " " + MARKUP);
        }
        UUID running = UUID.randomUUID();
        sql("""
                insert into scan_run (id, tenant_id, aws_account_id, account_id, family, trigger, status, requested_by,
                                      started_at, sources_total, sources_done)
                values (?, ?, ?, ?, 'THREATS', 'SCHEDULE', 'RUNNING', null, now(), 10, 3)""", running, tenant, account, ACCT);
        scores.recordSnapshots(tenant);
        sql("""
                insert into score_snapshot (tenant_id, aws_account_id, day, overall) values (?, ?, current_date - 1, 90),
                  (?, null, current_date - 1, 90), (?, null, current_date - 30, 95)""", tenant, account, tenant, tenant);

        return new Seeded(tenant, account, otherTenant, owner, other, running, finished);
    }

    void sql(String statement, Object... params) throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
