package io.cloudward.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudward.api.TenantFixtures;
import io.cloudward.devstack.Browser;
import io.cloudward.devstack.DevStack;
import io.cloudward.devstack.Tokens;
import io.cloudward.sandbox.SandboxServer;
import io.cloudward.sandbox.SandboxStarter;
import io.cloudward.sandbox.estate.Role;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The connect wizard in Chromium, signed in through the real Keycloak, against the AWS sandbox. */
@QuarkusTest
class OnboardingWizardIT {

    private static final String APP = "http://localhost:" + DevStack.TEST_APP_PORT;
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final String ACCOUNT = "222222222222";

    @Test
    void connectAnAccountStepByStep() {
        SandboxServer sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        UUID tenant = TenantFixtures.createTenant(Tokens.accessToken("alice"), "wizard");
        try (Browser browser = Browser.start()) {
            browser.open(APP + "/t/" + tenant + "/accounts").signIn("alice")
                    .awaitUrl(url -> url.endsWith("/accounts"), "the accounts page");
            browser.driver().findElement(By.xpath("//button[normalize-space()='Connect AWS account']")).click();
            browser.awaitUrl(url -> url.contains("/accounts/connect/"), "the wizard");
            String externalId = browser.driver().findElement(By.id("external-id")).getText();
            assertTrue(externalId.startsWith("cw-") && externalId.length() >= 32, externalId);
            assertTrue(browser.driver().findElement(By.id("quick-create")).getText().contains("param_ExternalId=" + externalId));
            assertTrue(browser.driver().findElement(By.id("cli")).getText().contains(externalId));
            assertEquals(5, browser.driver().findElements(By.cssSelector("[data-copy]")).size(), "a copy button per value");
            browser.screenshot(SHOTS.resolve("onboarding-1-instructions.png"));

            // The customer creates the stack with that ExternalId.
            Role role = sandbox.estate().role(ACCOUNT, "CloudwardSecurityAudit").orElseThrow();
            sandbox.estate().putRole(ACCOUNT, role.withExternalId(externalId));
            try {
                browser.driver().findElement(By.id("role-arn")).sendKeys("arn:aws:iam::" + ACCOUNT + ":role/CloudwardSecurityAudit");
                browser.driver().findElement(By.id("account-name")).sendKeys("exposed <b>db</b>");
                browser.clickAndAwaitChange(By.xpath("//button[normalize-space()='Verify']"));
                List<WebElement> steps = browser.driver().findElements(By.cssSelector("#verification .steps li"));
                assertEquals(List.of("PASSED", "PASSED", "PASSED", "PASSED", "PASSED"),
                        steps.stream().map(s -> s.getAttribute("class")).toList(),
                        browser.driver().findElement(By.id("verification")).getText());
                browser.screenshot(SHOTS.resolve("onboarding-2-verified.png"));

                browser.clickAndAwaitChange(By.id("connect"));
                browser.awaitUrl(url -> url.matches(".*/accounts/[0-9a-f-]{36}$"), "the account page");
                String page = browser.driver().findElement(By.tagName("body")).getText();
                assertEquals("Connected", browser.driver().findElement(By.id("account-status")).getText(), page);
                assertTrue(page.contains("exposed <b>db</b>"), "a name with markup is shown as text: " + page);
                assertTrue(page.contains("GUARDDUTY") && page.contains("✓ granted"), page);
                browser.screenshot(SHOTS.resolve("onboarding-3-connected.png"));
            } finally {
                sandbox.reset();
            }
        }
    }

    @Test
    void connectAnOrganisationAndItsMembers() {
        SandboxServer sandbox = Arc.container().instance(SandboxStarter.class).get().server().orElseThrow();
        UUID tenant = TenantFixtures.createTenant(Tokens.accessToken("alice"), "wizard-org");
        try (Browser browser = Browser.start()) {
            browser.open(APP + "/t/" + tenant + "/accounts").signIn("alice")
                    .awaitUrl(url -> url.endsWith("/accounts"), "the accounts page");
            browser.clickAndAwaitChange(By.xpath("//button[normalize-space()='Connect AWS organisation']"));
            String externalId = browser.driver().findElement(By.id("external-id")).getText();
            assertTrue(browser.driver().findElement(By.id("quick-create")).getText().contains("EnableOrganizationListing=true"));
            assertTrue(browser.driver().findElement(By.id("cli")).getText().contains("cloudward-stackset.yaml"));
            sandbox.estate().load(io.cloudward.sandbox.estate.EstateDocument.stackSetOrganization("o-wizardorg01",
                    "710000000000", new io.cloudward.sandbox.estate.StackSetMembers(5, externalId, null, 1)));
            try {
                browser.driver().findElement(By.id("role-arn")).sendKeys("arn:aws:iam::710000000000:role/CloudwardSecurityAudit");
                browser.clickAndAwaitChange(By.xpath("//button[normalize-space()='Verify']"));
                browser.clickAndAwaitChange(By.id("connect"));
                browser.awaitUrl(url -> url.contains("/organizations/"), "the organisation page");
                assertEquals(4, browser.driver().findElements(By.cssSelector("input[name=account]:checked")).size(),
                        "the four members whose role answers are ticked");
                assertTrue(browser.driver().findElement(By.tagName("body")).getText().contains("role missing"));
                browser.clickAndAwaitChange(By.id("connect-members"));
                String results = browser.driver().findElement(By.id("results")).getText();
                assertEquals(4, browser.driver().findElements(By.cssSelector("#results .badge.ok")).size(), results);
                browser.screenshot(SHOTS.resolve("onboarding-4-organization.png"));
            } finally {
                sandbox.reset();
            }
        }
    }
}
