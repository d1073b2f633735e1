package io.cloudward.web;

import io.cloudward.devstack.Browser;
import io.cloudward.devstack.DevStack;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The security lead's morning in Chromium, signed in through the real Keycloak: overview → account → findings
 * (filter, bulk suppress) → finding → incident → scans, with the screenshots the README links to.
 */
@QuarkusTest
class WebAppWalkthroughIT {
    private static final String APP = "http://localhost:" + DevStack.TEST_APP_PORT;
    private static final Path SHOTS = Path.of("docs/screenshots");

    @Test
    void overviewAccountFindingsIncidentScans() throws Exception {
        PageSeeds.Seeded seeded = new PageSeeds().seed();
        String base = APP + "/t/" + seeded.tenant();
        try (Browser browser = Browser.start()) {
            browser.open(base).signIn(seeded.owner().username(), seeded.owner().password());
            if (!browser.driver().findElements(By.id("totpSecret")).isEmpty()) {
                // An owner sets up a second factor at first sign-in.
                String secret = browser.driver().findElement(By.id("totpSecret")).getAttribute("value");
                browser.driver().findElement(By.id("totp")).sendKeys(TotpSetup.code(secret));
                browser.submit("the authenticator set-up");
            }
            browser.awaitUrl(url -> url.equals(base), "the overview");
            assertTrue(text(browser).toLowerCase().contains("tenant score"), text(browser));
            assertTrue(text(browser).contains("prod " + PageSeeds.MARKUP), "an account name with markup shows as text");
            noInjectedScript(browser);
            shot(browser, "overview.png");

            browser.driver().findElement(By.cssSelector("#accounts tbody a")).click();
            browser.awaitUrl(url -> url.contains("/accounts/"), "the account page");
            assertTrue(text(browser).contains("Why this score") && text(browser).contains("Open to the internet"));
            shot(browser, "account.png");

            browser.open(base + "/findings");
            new Select(browser.driver().findElement(By.id("f-category"))).selectByValue("exposure");
            browser.driver().findElement(By.id("apply-filters")).click();
            browser.awaitUrl(url -> url.contains("category=exposure"), "the filtered list");
            WebElement rdp = browser.driver().findElement(By.xpath("//tr[.//div[contains(., 'sg-0rdp')]]//input[@name='id']"));
            rdp.click();
            browser.driver().findElement(By.id("b-text")).sendKeys("Bastion host, reviewed");
            shot(browser, "findings.png");
            browser.driver().findElement(By.id("bulk-suppress")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("flash")));
            assertEquals("1 finding suppressed.", browser.driver().findElement(By.id("flash")).getText());
            assertTrue(browser.currentUrl().contains("category=exposure"), "back to the same filtered list");

            browser.open(base + "/findings?q=i-0markup");
            browser.driver().findElement(By.cssSelector("#findings tbody td a")).click();
            browser.awaitUrl(url -> url.matches(".*/findings/[0-9a-f-]{36}$"), "the finding");
            browser.driver().findElement(By.cssSelector("#evidence summary")).click();
            assertTrue(browser.driver().findElement(By.cssSelector("#evidence pre")).getText().contains(PageSeeds.MARKUP),
                    "evidence markup is shown as text");
            noInjectedScript(browser);
            shot(browser, "finding.png");

            browser.open(base + "/incidents");
            shot(browser, "incidents.png");
            browser.driver().findElement(By.cssSelector("#incidents tbody a")).click();
            browser.awaitUrl(url -> url.matches(".*/incidents/[0-9a-f-]{36}$"), "the incident");
            assertTrue(text(browser).contains("What to do") && text(browser).contains("Timeline"));
            shot(browser, "incident.png");

            browser.open(base + "/scans");
            assertTrue(text(browser).contains("RUNNING"), text(browser));
            shot(browser, "scans.png");
            browser.open(base + "/scans/" + seeded.finishedRun());
            assertTrue(text(browser).contains("config:DescribeConfigurationRecorders"));
            shot(browser, "scan-run.png");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.open(base);
            browser.screenshot(SHOTS.resolve("overview-phone.png"));
        }
    }

    private static String text(Browser browser) {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    private static void noInjectedScript(Browser browser) {
        assertTrue(browser.driver().findElements(By.tagName("script")).stream()
                .noneMatch(s -> String.valueOf(s.getAttribute("innerHTML")).contains("alert")), "no injected script element");
    }

    /** The whole page at desktop width (the window grows to the content, up to 2,400 px), then back. */
    private static void shot(Browser browser, String name) {
        long height = ((Number) ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension(1280, (int) Math.min(2400, Math.max(900, height + 100))));
        browser.screenshot(SHOTS.resolve(name));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
