package io.cloudward.findings;

import io.agroal.api.AgroalDataSource;
import io.cloudward.checks.CheckResult;
import io.cloudward.checks.events.TrailEvent;
import io.cloudward.checks.events.TrailEventClassifier;
import io.cloudward.events.Topics;
import io.cloudward.tenancy.TenantRepository;
import io.cloudward.tenancy.TenantRunner;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.cloudward.findings.FindingFixtures.fail;
import static io.cloudward.findings.FindingFixtures.guardDuty;
import static io.cloudward.findings.FindingFixtures.pass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's lifecycle against real PostgreSQL: upsert, sweep, reopen, suppression, GuardDuty, events, incidents. */
@QuarkusTest
class FindingStoreIT {
    private static final String SSH = "SecurityGroupOpenSsh";
    private static final String ACCT = "111122223333";

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
    @DataSource("platform")
    AgroalDataSource platform;

    FindingFixtures fx;
    UUID tenant;
    UUID account;

    @BeforeEach
    void freshTenant() {
        fx = new FindingFixtures(runner, tenants, platform);
        tenant = fx.tenant("findings");
        account = fx.account(tenant, ACCT);
    }

    private ScopeCounts run(String region, String source, boolean full, List<CheckResult> results) {
        ScopeUpdate update = store.begin(tenant, account, ACCT, region, source, full);
        results.forEach(update::accept);
        return update.finish();
    }

    private FindingView only(String resourceId) {
        return fx.as(tenant, () -> query.page(new FindingQuery.Filter(null, null, null, null, null, null, null, resourceId, null),
                FindingQuery.Sort.LAST_SEEN, null, 10)).items().stream().filter(f -> f.resourceId().equals(resourceId))
                .findFirst().orElseThrow();
    }

    @Test
    void createUnchangedChangedSweptReopened() throws Exception {
        ScopeCounts first = run("eu-west-1", "exposure", true, List.of(
                fail(SSH, ACCT, "eu-west-1", "sg-1", "EXPOSED"), fail(SSH, ACCT, "eu-west-1", "sg-2", "PERMISSIVE"),
                pass(SSH, ACCT, "eu-west-1", "sg-3")));
        assertEquals(new ScopeCounts(2, 0, 0, 0, 0, 0, 1), first);
        assertEquals("HIGH", only("sg-1").severity(), "the EXPOSED variant raises the severity");
        assertEquals("MEDIUM", only("sg-2").severity());
        List<FindingFixtures.Event> created = fx.events(tenant, 0);
        assertEquals(List.of("finding.created", "finding.created"), created.stream().map(FindingFixtures.Event::type).toList());
        assertTrue(created.stream().allMatch(e -> e.topic().equals(Topics.FINDINGS) && e.key().equals(ACCT)), created::toString);

        long mark = fx.lastEventId(tenant);
        ScopeCounts again = run("eu-west-1", "exposure", true, List.of(
                fail(SSH, ACCT, "eu-west-1", "sg-1", "EXPOSED"), fail(SSH, ACCT, "eu-west-1", "sg-2", "PERMISSIVE"),
                pass(SSH, ACCT, "eu-west-1", "sg-3")));
        assertEquals(new ScopeCounts(0, 0, 0, 0, 0, 2, 1), again);
        assertEquals(List.of(), fx.events(tenant, mark), "an unchanged re-collection emits nothing");

        mark = fx.lastEventId(tenant);
        ScopeCounts changed = run("eu-west-1", "exposure", true, List.of(fail(SSH, ACCT, "eu-west-1", "sg-1", "PERMISSIVE")));
        assertEquals(new ScopeCounts(0, 1, 1, 0, 0, 0, 0), changed, "sg-1 changed, sg-2 vanished and is swept");
        assertEquals("MEDIUM", only("sg-1").severity());
        assertEquals("RESOLVED", only("sg-2").status());
        assertEquals(List.of("finding.updated", "finding.resolved"), fx.events(tenant, mark).stream().map(FindingFixtures.Event::type).toList());

        mark = fx.lastEventId(tenant);
        ScopeCounts back = run("eu-west-1", "exposure", true, List.of(
                fail(SSH, ACCT, "eu-west-1", "sg-1", "PERMISSIVE"), fail(SSH, ACCT, "eu-west-1", "sg-2", "PERMISSIVE")));
        assertEquals(new ScopeCounts(0, 0, 0, 1, 0, 1, 0), back);
        FindingView reopened = only("sg-2");
        assertEquals("OPEN", reopened.status());
        assertEquals(1, reopened.reopenedCount());
        List<FindingFixtures.Event> events = fx.events(tenant, mark);
        assertEquals(1, events.size());
        assertEquals("finding.reopened", events.getFirst().type());
        assertEquals(reopened.id().toString(), events.getFirst().findingId());
        assertEquals(List.of("CREATED", "RESOLVED", "REOPENED"),
                fx.as(tenant, () -> query.history(reopened.id())).stream().map(FindingQuery.HistoryEntry::type).toList());
    }

    @Test
    void passResolvesAnOpenFinding() throws Exception {
        run("global", "iam", false, List.of(fail("RootMfaEnabled", ACCT, "global", "root", null)));
        assertEquals("CRITICAL", only("root").severity());
        long mark = fx.lastEventId(tenant);
        ScopeCounts counts = run("global", "iam", false, List.of(pass("RootMfaEnabled", ACCT, "global", "root")));
        assertEquals(1, counts.resolved());
        FindingView resolved = only("root");
        assertEquals("RESOLVED", resolved.status());
        assertNotNull(resolved.resolvedAt());
        assertEquals("RootMfaEnabled fails on root", resolved.description(), "the finding keeps the words of its failure");
        assertEquals(List.of("finding.resolved"), fx.events(tenant, mark).stream().map(FindingFixtures.Event::type).toList());
    }

    @Test
    void suppressionRuleHoldsUntilItExpires() throws Exception {
        Suppression rule = fx.as(tenant, () -> actions.createRule(SSH, "sg-dev-*", null, null, "dev bastions, reviewed",
                Instant.now().plus(1, ChronoUnit.HOURS)));
        ScopeCounts counts = run("eu-west-1", "exposure", true, List.of(
                fail(SSH, ACCT, "eu-west-1", "sg-dev-1", null), fail(SSH, ACCT, "eu-west-1", "sg-prod-1", null)));
        assertEquals(2, counts.created());
        assertEquals("SUPPRESSED", only("sg-dev-1").status());
        assertEquals(rule.id, only("sg-dev-1").suppressionId());
        assertEquals("OPEN", only("sg-prod-1").status());

        fx.platformUpdate("update suppression set expires_at = now() - interval '1 minute' where id = ?", rule.id);
        long mark = fx.lastEventId(tenant);
        counts = run("eu-west-1", "exposure", true, List.of(
                fail(SSH, ACCT, "eu-west-1", "sg-dev-1", null), fail(SSH, ACCT, "eu-west-1", "sg-prod-1", null)));
        assertEquals(new ScopeCounts(0, 0, 0, 1, 0, 1, 0), counts, "expired rule: back to OPEN");
        FindingView back = only("sg-dev-1");
        assertEquals("OPEN", back.status());
        assertEquals(0, back.reopenedCount(), "the end of a suppression is not a reopening of the problem");
        List<FindingFixtures.Event> events = fx.events(tenant, mark);
        assertEquals(List.of("finding.reopened"), events.stream().map(FindingFixtures.Event::type).toList());
        assertEquals("OPEN", events.getFirst().status());
    }

    @Test
    void personSuppressionAndResolveAreHistoryAndEvents() throws Exception {
        run("eu-west-1", "exposure", true, List.of(fail(SSH, ACCT, "eu-west-1", "sg-9", null)));
        UUID id = only("sg-9").id();
        long mark = fx.lastEventId(tenant);
        FindingActions.BulkResult result = fx.as(tenant, () -> actions.suppress(List.of(id), "accepted risk",
                Instant.now().plus(7, ChronoUnit.DAYS)));
        assertEquals(1, result.changed());
        assertEquals("SUPPRESSED", only("sg-9").status());
        // re-collection keeps a person's suppression while it lasts
        assertEquals(1, run("eu-west-1", "exposure", true, List.of(fail(SSH, ACCT, "eu-west-1", "sg-9", null))).unchanged());
        assertEquals("SUPPRESSED", only("sg-9").status());
        fx.as(tenant, () -> actions.assign(List.of(id), "alice@example.com"));
        fx.as(tenant, () -> actions.comment(List.of(id), "ticket SEC-12"));
        fx.as(tenant, () -> actions.resolve(List.of(id), "fixed by hand"));
        assertEquals(List.of("finding.suppressed", "finding.updated", "finding.resolved"),
                fx.events(tenant, mark).stream().map(FindingFixtures.Event::type).toList());
        assertEquals(List.of("CREATED", "SUPPRESSED", "ASSIGNED", "COMMENTED", "RESOLVED"),
                fx.as(tenant, () -> query.history(id)).stream().map(FindingQuery.HistoryEntry::type).toList());
        // the audit entry is written by the @Audited endpoint that calls the action (FindingsResourceIT)
    }

    @Test
    void guardDutyFindingUpdatesAndResolvesWhenArchived() throws Exception {
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ScopeUpdate update = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        update.accept(guardDuty(ACCT, "eu-west-1", "gd-1", 8.0, 1, t, false));
        assertEquals(1, update.finish().created());
        FindingView gd = only("i-0abc");
        assertEquals("HIGH", gd.severity());
        assertEquals("threat-detection", gd.category());
        assertEquals("CryptoCurrency:EC2/BitcoinTool.B!DNS", gd.checkId());

        // a posture sweep of the same account, region and source never touches GuardDuty's own findings
        assertEquals(0, run("eu-west-1", "guardduty", true, List.of()).resolved());

        update = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        update.accept(guardDuty(ACCT, "eu-west-1", "gd-1", 8.0, 3, t, false));
        assertEquals(1, update.finish().updated(), "repeat activity: count and updatedAt change");
        assertEquals(3, only("i-0abc").occurrences());

        long mark = fx.lastEventId(tenant);
        update = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        update.accept(guardDuty(ACCT, "eu-west-1", "gd-1", 8.0, 3, t, true));
        assertEquals(1, update.finish().resolved());
        assertEquals("RESOLVED", only("i-0abc").status());
        assertEquals(List.of("finding.resolved"), fx.events(tenant, mark).stream().map(FindingFixtures.Event::type).toList());
    }

    @Test
    void sweepStaysInsideItsScope() {
        UUID other = fx.account(tenant, "444455556666");
        run("eu-west-1", "exposure", true, List.of(fail(SSH, ACCT, "eu-west-1", "sg-a", null)));
        run("eu-west-2", "exposure", true, List.of(fail(SSH, ACCT, "eu-west-2", "sg-b", null)));
        run("eu-west-1", "backup", true, List.of(fail("BackupVaultLocked", ACCT, "eu-west-1", "vault-c", null)));
        ScopeUpdate otherAccount = store.begin(tenant, other, "444455556666", "eu-west-1", "exposure", true);
        otherAccount.accept(fail(SSH, "444455556666", "eu-west-1", "sg-d", null));
        otherAccount.finish();

        ScopeCounts empty = run("eu-west-1", "exposure", true, List.of());
        assertEquals(1, empty.resolved());
        assertEquals("RESOLVED", only("sg-a").status());
        assertEquals("OPEN", only("sg-b").status(), "another region");
        assertEquals("OPEN", only("vault-c").status(), "another source");
        assertEquals("OPEN", only("sg-d").status(), "another account");
    }

    @Test
    void aResultOfAnotherAccountIsRefused() {
        ScopeUpdate update = store.begin(tenant, account, ACCT, "eu-west-1", "exposure", true);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> update.accept(fail(SSH, "999999999999", "eu-west-1", "sg-x", null)));
    }

    @Test
    void compromiseThenBlindingIsOneCriticalIncident() throws Exception {
        Instant t = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ScopeUpdate threats = store.begin(tenant, account, ACCT, "eu-west-1", "guardduty", false);
        threats.accept(guardDuty(ACCT, "eu-west-1", "gd-7", 8.5, 1, t, false));
        threats.finish();
        assertEquals(List.of(), fx.as(tenant, () -> query.openIncidents()), "one signal alone is no incident");

        TrailEvent stop = TrailEvent.parse("""
                {"eventTime": "%s", "eventSource": "cloudtrail.amazonaws.com", "eventName": "StopLogging",
                 "awsRegion": "eu-west-1", "sourceIPAddress": "203.0.113.7", "eventType": "AwsApiCall",
                 "userIdentity": {"type": "IAMUser", "arn": "arn:aws:iam::%s:user/mallory"},
                 "requestParameters": {"name": "main"}}""".formatted(t.plus(1, ChronoUnit.HOURS), ACCT));
        long mark = fx.lastEventId(tenant);
        ScopeUpdate trail = store.begin(tenant, account, ACCT, "eu-west-1", "cloudtrail-events", false);
        TrailEventClassifier.classify(stop).forEach(signal -> trail.accept(stop, signal));
        assertEquals(1, trail.finish().created());

        List<IncidentView> incidents = fx.as(tenant, () -> query.openIncidents());
        assertEquals(1, incidents.size());
        IncidentView incident = fx.as(tenant, () -> query.incident(incidents.getFirst().id())).orElseThrow();
        assertEquals("CRITICAL", incident.severity());
        assertEquals(List.of("CryptoCurrency:EC2/BitcoinTool.B!DNS", "DEFENCE_EVASION:StopLogging"),
                incident.timeline().stream().map(FindingView::checkId).toList(), "timeline in the order things happened");
        List<FindingFixtures.Event> events = fx.events(tenant, mark);
        assertTrue(events.stream().anyMatch(e -> e.topic().equals(Topics.INCIDENTS) && e.type().equals("incident.created")
                && e.key().equals(ACCT)), events::toString);
    }

    @Test
    void queryFiltersSortsAndPagesWithCursors() {
        run("eu-west-1", "exposure", true, List.of(
                fail("SecurityGroupOpenRdp", ACCT, "eu-west-1", "sg-r1", "EXPOSED"),
                fail("SecurityGroupOpenRdp", ACCT, "eu-west-1", "sg-r2", "EXPOSED"),
                fail(SSH, ACCT, "eu-west-1", "sg-s1", "EXPOSED"),
                fail(SSH, ACCT, "eu-west-1", "sg-s2", null),
                fail(SSH, ACCT, "eu-west-1", "sg-s3", null),
                fail("RdsDeletionProtectionEnabled", ACCT, "eu-west-1", "db-1", null),
                fail("RdsDeletionProtectionEnabled", ACCT, "eu-west-1", "db-2", null)));
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String c = cursor;
            var page = fx.as(tenant, () -> query.page(FindingQuery.Filter.all(), FindingQuery.Sort.SEVERITY, c, 3));
            page.items().forEach(f -> seen.add(f.severity() + ":" + f.resourceId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(7, seen.size(), seen::toString);
        assertEquals(7, new java.util.HashSet<>(seen).size(), "no row twice across pages");
        assertEquals(List.of("CRITICAL", "CRITICAL", "HIGH", "MEDIUM", "MEDIUM", "LOW", "LOW"),
                seen.stream().map(s -> s.substring(0, s.indexOf(':'))).toList());

        var high = fx.as(tenant, () -> query.page(new FindingQuery.Filter(io.cloudward.checks.Severity.HIGH, null, null,
                java.util.Set.of(FindingStatus.OPEN), java.util.Set.of(ACCT), java.util.Set.of("eu-west-1"),
                java.util.Set.of("exposure"), null, null), FindingQuery.Sort.LAST_SEEN, null, 50));
        assertEquals(3, high.items().size());
        var text = fx.as(tenant, () -> query.page(new FindingQuery.Filter(null, null, null, null, null, null, null,
                "rdsdeletion", null), FindingQuery.Sort.FIRST_SEEN, null, 50));
        assertEquals(2, text.items().size());
    }
}
