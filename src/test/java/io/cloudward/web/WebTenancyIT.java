package io.cloudward.web;

import io.cloudward.devstack.Browser;
import io.cloudward.devstack.DevStack;
import io.cloudward.devstack.TestPeople;
import io.cloudward.devstack.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tenancy pages in a real browser through the real Keycloak: sign-in, creating an organisation,
 * the second-factor gate on sensitive actions, and an invitation accepted by a brand-new person.
 */
@QuarkusTest
class WebTenancyIT {
    @jakarta.inject.Inject
    @io.quarkus.agroal.DataSource("platform")
    io.agroal.api.AgroalDataSource platform;

    private static final String APP = "http://localhost:" + DevStack.TEST_APP_PORT;
    private static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void signInCreateAnOrganisationAndMeetTheSecondFactorGate() {
        TestPeople.Person person = TestPeople.create("web");
        try (Browser browser = Browser.start()) {
            browser.open(APP + "/");
            assertTrue(browser.currentUrl().contains("/realms/cloudward/"), () -> "a signed-out visitor is sent to Keycloak, not "
                    + browser.currentUrl() + ": " + browser.driver().findElement(By.tagName("body")).getText());
            browser.signIn(person.username(), person.password())
                    .awaitUrl(url -> url.endsWith("/welcome"), "the welcome page");
            browser.driver().findElement(By.id("name")).sendKeys("<script>alert('x')</script> Ltd");
            browser.driver().findElement(By.id("slug")).sendKeys("web-" + System.nanoTime());
            browser.driver().findElement(By.cssSelector("form.stack button")).click();
            browser.awaitUrl(url -> url.contains("/t/"), "the new organisation");
            String page = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(page.contains("Connect your first AWS account") && page.contains("web Tester"), page);
            assertTrue(page.contains("<script>alert('x')</script> Ltd"), "markup from a user is shown as text: " + page);
            assertTrue(browser.driver().findElements(By.tagName("script")).stream()
                    .noneMatch(s -> s.getAttribute("innerHTML").contains("alert")), "no injected script element");
            browser.screenshot(SHOTS.resolve("tenancy-home.png"));

            String tenantPath = browser.currentUrl().substring(browser.currentUrl().indexOf("/t/"));
            browser.open(APP + tenantPath + "/members");
            browser.driver().findElement(By.id("invite-email")).sendKeys("someone@example.com");
            browser.driver().findElement(By.cssSelector("form.stack button")).click();
            awaitTitle(browser, "Two-factor sign-in required");
            String refusal = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(refusal.contains("Two-factor sign-in required"), "an owner without a second factor cannot invite: " + refusal);

            // The audit page's export works with the browser session and carries the refusal.
            Object csv = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('" + tenantPath + "/audit/export?format=csv').then(r => r.text()).then(done, e => done('failed: ' + e));");
            assertTrue(String.valueOf(csv).startsWith("seq,at,actor") && String.valueOf(csv).contains("authorization.denied"), String.valueOf(csv));

            // Sign out (RP-initiated) and in again: the sign-in lands in the tenant's audit log.
            browser.open(APP + "/logout").awaitUrl(url -> url.contains("/signed-out"), "the signed-out page");
            browser.open(APP + "/").awaitUrl(url -> url.contains("/realms/cloudward/"), "Keycloak after sign-out");
            UUID tenant = UUID.fromString(tenantPath.substring(3));
            assertTrue(auditActions(tenant).contains("authorization.denied"));
        }
    }

    /** Waits for the page that a click loads (its title), so nothing is read from the page it replaced. */
    private static void awaitTitle(Browser browser, String title) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.titleContains(title));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private java.util.List<String> auditActions(UUID tenant) {
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (var c = platform.getConnection(); var ps = c.prepareStatement("select action from audit_event where tenant_id = ? order by seq")) {
            ps.setObject(1, tenant);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }

    @Test
    void anInvitedNewcomerSetsAPasswordAndJoins() {
        String alice = Tokens.accessToken("alice");
        UUID tenant = io.cloudward.api.TenantFixtures.createTenant(alice, "invites");
        String email = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        var sent = given().auth().oauth2(alice).contentType("application/json")
                .body(java.util.Map.of("email", email, "role", "VIEWER"))
                .when().post("/api/v1/tenants/{t}/invitations", tenant)
                .then().statusCode(201).extract().jsonPath();
        String link = sent.getString("link");
        String temporaryPassword = sent.getString("temporaryPassword");
        assertTrue(link.startsWith(APP + "/invitations/"), link);
        assertTrue(temporaryPassword != null && temporaryPassword.length() >= 16, "a new account gets a temporary password");

        // The newcomer's first sign-in replaces the temporary password; the test sets the new one through
        // Keycloak's admin API (as the newcomer's "update password" step would) and signs in with it.
        TestPeople.setPassword(email, "Newcomer-password-1");
        try (Browser browser = Browser.start()) {
            browser.open(link);
            browser.signIn(email, "Newcomer-password-1");
            browser.awaitUrl(url -> url.contains("/invitations/"), "back on the invitation");
            browser.driver().findElement(By.cssSelector("main form button")).click();
            browser.awaitUrl(url -> url.endsWith("/t/" + tenant), "the tenant");
            browser.screenshot(SHOTS.resolve("tenancy-invited.png"));

            // Signing in again as a member is audited in the tenant.
            browser.open(APP + "/logout").awaitUrl(url -> url.contains("/signed-out"), "the signed-out page");
            browser.open(APP + "/").signIn(email, "Newcomer-password-1").awaitUrl(url -> url.endsWith("/t/" + tenant), "the tenant again");
            long deadline = System.currentTimeMillis() + 10_000;
            while (!auditActions(tenant).contains("session.signed-in") && System.currentTimeMillis() < deadline) {
                sleep(200);
            }
            assertTrue(auditActions(tenant).contains("session.signed-in"), auditActions(tenant).toString());

            // The link is single use.
            browser.open(link);
            browser.driver().findElement(By.cssSelector("main form button")).click();
            awaitTitle(browser, "Not found");
            assertTrue(browser.driver().findElement(By.tagName("body")).getText().contains("not found"));
        }
        given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/members", tenant).then().statusCode(200)
                .body("email", hasItem(email));
        var actions = given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/audit?limit=10", tenant)
                .then().statusCode(200).extract().jsonPath().getList("items.action", String.class);
        assertTrue(actions.contains("invitation.created") && actions.contains("invitation.accepted"), actions.toString());
        assertEquals(2, given().auth().oauth2(alice).when().get("/api/v1/tenants/{t}/members", tenant)
                .then().extract().jsonPath().getList("id").size());
    }
}
