package io.cloudward.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overview, account, findings, incidents and scans pages rendered over real PostgreSQL and Keycloak with
 * findings fed through the store: their content, escaping of AWS text, permission gating and tenant isolation.
 */
@QuarkusTest
class TenantPagesIT {
    static final String ACCT = PageSeeds.ACCT;
    static final String MARKUP = PageSeeds.MARKUP;
    static final String ESCAPED = "&lt;script&gt;alert(";

    @Inject
    @DataSource("platform")
    AgroalDataSource platform;

    /** Seeded once for the class: sign-ins and seeds are the slow part. */
    static Seeded seeded;
    static boolean attempted;

    record Seeded(UUID tenant, UUID account, UUID otherTenant, WebSession owner, WebSession other, UUID runningRun,
                  UUID finishedRun) {
    }

    @BeforeEach
    void seed() throws Exception {
        if (seeded != null) {
            return;
        }
        if (attempted) {
            throw new IllegalStateException("seeding failed in an earlier test");
        }
        attempted = true;
        PageSeeds.Seeded s = new PageSeeds().seed();
        int port = RestAssured.port;
        seeded = new Seeded(s.tenant(), s.account(), s.otherTenant(), WebSession.signIn(port, s.owner().username(), s.owner().password()),
                WebSession.signIn(port, s.other().username(), s.other().password()), s.runningRun(), s.finishedRun());
    }

    private String base() {
        return "/t/" + seeded.tenant();
    }

    private WebSession.Page ok(WebSession session, String path) {
        WebSession.Page page = session.get(path);
        assertEquals(200, page.status(), () -> path + ": " + page.body());
        assertFalse(page.body().contains(MARKUP), () -> path + " shows AWS markup unescaped");
        return page;
    }

    @Test
    void overviewAnswersTheMorningQuestions() {
        String body = ok(seeded.owner(), base()).body();
        assertTrue(body.contains("id=\"tenant-score\""), body);
        assertTrue(body.contains("<svg class=\"trend\"") && body.contains("<polyline"), "a server-side trend chart: " + body);
        assertTrue(body.contains("prod " + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the account name is escaped: " + body);
        assertTrue(body.contains("1/2</span> regions"), "GuardDuty on in one of two regions: " + body);
        assertTrue(body.contains("What changed in the last 24 h") && body.contains("Port probe " + ESCAPED), body);
        assertTrue(body.contains("Fix these first") && body.contains("findings?q=SecurityGroupOpen"), body);
        assertTrue(Pattern.compile(">(PARTIAL|RUNNING|QUEUED)</span> <div class=\"muted\">").matcher(body).find(),
                "the last scan's status: " + body);
        assertTrue(body.contains("href=\"" + base() + "/findings\""), "navigation has the explorer");
        assertTrue(body.contains("−") || body.contains("±0") || body.contains("+"), "change since yesterday");
    }

    @Test
    void aTenantWithoutAccountsIsToldToConnectOne() {
        String body = ok(seeded.other(), "/t/" + seeded.otherTenant()).body();
        assertTrue(body.contains("Connect your first AWS account") && body.contains("/accounts/connect"), body);
    }

    @Test
    void accountPageExplainsTheScoreAndShowsRegionsAndExposure() {
        String body = ok(seeded.owner(), base() + "/accounts/" + seeded.account()).body();
        assertTrue(body.contains("Why this score") && body.contains("Top fixes"), body);
        String grid = section(body, "region-grid");
        assertTrue(Pattern.compile("eu-west-1</td><td><span class=\"badge ok\">on").matcher(grid).find(), grid);
        assertTrue(Pattern.compile("us-east-1</td><td><span class=\"badge bad\">off").matcher(grid).find(), grid);
        String exposure = section(body, "exposure");
        assertTrue(exposure.contains("Attached to") && exposure.contains("i-0web " + ESCAPED), exposure);
        assertTrue(section(body, "account-incidents").contains("/incidents/"), "the incident is listed");
        assertTrue(body.contains("Capability"), "the connection section is still there");
    }

    @Test
    void explorerFiltersSortsAndSuppressesInBulk() {
        String filtered = ok(seeded.owner(), base() + "/findings?severity=HIGH&severity=CRITICAL&category=exposure&sort=severity").body();
        List<String> ids = findingIds(filtered);
        assertFalse(ids.isEmpty(), filtered);
        assertFalse(filtered.contains("Port probe"), "a MEDIUM threat finding is filtered out");
        assertTrue(filtered.contains("<option value=\"HIGH\" selected>"), "the form keeps the filter");
        String text = ok(seeded.owner(), base() + "/findings?q=sg-0rdp").body();
        List<String> rdp = findingIds(text);
        assertEquals(1, rdp.size(), text);

        WebSession.Page after = seeded.owner().post(base() + "/findings/actions", Map.of("action", "suppress", "id", rdp,
                "text", "bastion behind VPN", "until", java.time.LocalDate.now().plusDays(30).toString(), "assignee", "",
                "back", base() + "/findings?q=sg-0rdp"));
        assertEquals(200, after.status(), after.body());
        assertTrue(after.uri().toString().endsWith("/findings?q=sg-0rdp"), after.uri().toString());
        assertTrue(after.body().contains("1 finding suppressed"), after.body());
        assertTrue(after.body().contains(">SUPPRESSED<"), after.body());

        WebSession.Page offsite = seeded.owner().post(base() + "/findings/actions", Map.of("action", "comment", "id", rdp,
                "text", "noted", "back", "https://evil.example/"));
        assertTrue(offsite.uri().getPath().equals(base() + "/findings"), "a bulk action only returns into the tenant");

        WebSession.Page missingReason = seeded.owner().post(base() + "/findings/actions", Map.of("action", "suppress", "id", ids,
                "text", ""));
        assertEquals(400, missingReason.status(), missingReason.body());
    }

    @Test
    void findingDetailShowsEvidenceRemediationHistoryAndIncident() {
        String id = findingIds(ok(seeded.owner(), base() + "/findings?q=i-0markup").body()).getFirst();
        String body = ok(seeded.owner(), base() + "/findings/" + id).body();
        String evidence = section(body, "evidence");
        assertTrue(body.contains("<details id=\"evidence\">") && evidence.contains("&quot;tag&quot;") && evidence.contains(ESCAPED), evidence);
        assertTrue(body.contains("Port probe " + ESCAPED), body);
        assertTrue(section(body, "history").contains("created"), body);

        String ssh = findingIds(ok(seeded.owner(), base() + "/findings?q=sg-0ssh").body()).getFirst();
        String remediation = section(ok(seeded.owner(), base() + "/findings/" + ssh).body(), "remediation");
        assertTrue(remediation.contains("How to fix it") && remediation.contains("https://"), remediation);

        String incident = findingIds(ok(seeded.owner(), base() + "/findings?q=StopLogging").body()).getFirst();
        assertTrue(ok(seeded.owner(), base() + "/findings/" + incident).body().contains("id=\"related-incident\""));
    }

    @Test
    void incidentsShowTimelineResourcesAndActions() {
        String list = ok(seeded.owner(), base() + "/incidents").body();
        Matcher link = Pattern.compile(base() + "/incidents/([0-9a-f-]{36})").matcher(list);
        assertTrue(link.find(), list);
        String body = ok(seeded.owner(), base() + "/incidents/" + link.group(1)).body();
        assertTrue(section(body, "timeline").contains("StopLogging") || section(body, "timeline").contains("/findings/"), body);
        assertTrue(section(body, "recommended").contains("Contain"), body);
        assertTrue(section(body, "affected").contains(ACCT), body);
    }

    @Test
    void scansShowLiveProgressSourcesCancelAndScanNow() {
        String list = ok(seeded.owner(), base() + "/scans").body();
        assertTrue(list.contains("hx-trigger=\"every 2s\""), "a running run is polled: " + list);
        assertTrue(list.contains("<progress max=\"10\" value=\"3\""), list);
        String fragment = ok(seeded.owner(), base() + "/scans/list").body();
        assertTrue(fragment.startsWith("\n<div id=\"runs\"") || fragment.strip().startsWith("<div id=\"runs\""), fragment);
        assertFalse(fragment.contains("<html"), "the fragment comes without the frame");

        String run = ok(seeded.owner(), base() + "/scans/" + seeded.finishedRun()).body();
        assertTrue(run.contains("ACCESS_DENIED") && run.contains("config:DescribeConfigurationRecorders"), run);
        assertFalse(run.contains("hx-trigger"), "a finished run is not polled");
        assertTrue(ok(seeded.owner(), base() + "/scans/" + seeded.runningRun() + "/progress").body().contains("hx-trigger=\"every 2s\""));

        WebSession.Page cancelled = seeded.owner().post(base() + "/scans/" + seeded.runningRun() + "/cancel", Map.of());
        assertEquals(200, cancelled.status(), cancelled.body());
        assertTrue(cancelled.body().contains("Cancelling"), cancelled.body());

        WebSession.Page scanned = seeded.owner().post(base() + "/scans", Map.of("accountId", seeded.account().toString()));
        assertEquals(200, scanned.status(), scanned.body());
        assertTrue(scanned.body().contains(">QUEUED<"), scanned.body());
    }

    @Test
    void aViewerSeesNoTriageAndIsRefusedChanges() {
        String body = ok(seeded.other(), base() + "/findings").body();
        assertFalse(body.contains("bulk-actions") || body.contains("name=\"id\""), "no bulk actions for a viewer: " + body);
        String id = findingIds(ok(seeded.owner(), base() + "/findings").body()).getFirst();
        assertFalse(ok(seeded.other(), base() + "/findings/" + id).body().contains("id=\"triage\""));
        assertEquals(403, seeded.other().post(base() + "/findings/actions", Map.of("action", "resolve", "id", id)).status());
        assertEquals(403, seeded.other().post(base() + "/scans", Map.of()).status());
        assertFalse(ok(seeded.other(), base() + "/scans").body().contains("id=\"scan-now\""));
    }

    @Test
    void anotherTenantsPagesAndRecordsAreNotFound() throws Exception {
        UUID other = seeded.otherTenant();
        for (String page : List.of("", "/findings", "/incidents", "/scans", "/accounts/" + seeded.account(),
                "/scans/" + seeded.finishedRun())) {
            assertEquals(404, seeded.owner().get("/t/" + other + page).status(), "/t/other" + page);
        }
        // The other tenant's owner asks for this tenant's records under their own tenant.
        String finding = findingIds(ok(seeded.owner(), base() + "/findings").body()).getFirst();
        String incident = firstIncident();
        for (String page : List.of("/findings/" + finding, "/incidents/" + incident, "/scans/" + seeded.finishedRun(),
                "/scans/" + seeded.finishedRun() + "/progress", "/accounts/" + seeded.account())) {
            assertEquals(404, seeded.other().get("/t/" + other + page).status(), page);
        }
        assertEquals(404, seeded.other().post("/t/" + other + "/scans/" + seeded.runningRun() + "/cancel", Map.of()).status());
        WebSession.Page foreign = seeded.other().post("/t/" + other + "/findings/actions", Map.of("action", "comment",
                "id", finding, "text", "x"));
        assertTrue(foreign.body().contains("0 findings commented on") && foreign.body().contains("1 not found"), foreign.body());
    }

    private String firstIncident() throws Exception {
        try (Connection c = platform.getConnection(); PreparedStatement s = c.prepareStatement(
                "select id from incident where tenant_id = ? limit 1")) {
            s.setObject(1, seeded.tenant());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the seeds make an incident");
                return rs.getString(1);
            }
        }
    }

    private static List<String> findingIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"id\" value=\"([0-9a-f-]{36})\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The element with this id up to the next card, enough to scope an assertion. */
    private static String section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, () -> "no #" + id + " in " + html);
        int end = html.indexOf("<div class=\"card", start + 1);
        return html.substring(start, end < 0 ? html.length() : end);
    }

}
