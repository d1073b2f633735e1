package io.cloudward.devstack;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Headless Chromium driven through Debian's chromedriver ({@code .ci/install-test-tools.sh} installs both),
 * with a fresh profile per instance. Opens pages, signs in on Keycloak's login page as a demo user
 * (password, then the one-time code where Keycloak asks for it) and takes screenshots.
 */
public final class Browser implements AutoCloseable {
    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Debian's Chromium is newer than Selenium's DevTools bindings, which WebDriver alone does not need: the
     * version warning is noise. Held in a field so that the logger (and its level) is not garbage-collected.
     */
    private static final Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final By FIELD_ERRORS = By.cssSelector("[id^='input-error-']:not([id^='input-error-container'])");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("cloudward-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            DevStack.deleteRecursively(profile);
            throw e;
        }
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Signs in on Keycloak's login page (already open) with the demo user's password and, if asked, code. */
    public Browser signIn(String username) {
        return signIn(username, DemoUsers.password(username));
    }

    /**
     * Fills Keycloak's username and password form; when Keycloak then shows the one-time-code form, enters a
     * fresh code from the user's secret in {@link DemoUsers}. Fails with Keycloak's message when it refuses.
     */
    public Browser signIn(String username, String password) {
        await(ExpectedConditions.presenceOfElementLocated(By.id("username")), () -> "Keycloak's login form");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit("signing in " + username);
        if (!driver.findElements(By.id("otp")).isEmpty()) {
            String secret = DemoUsers.otpSecret(username).orElseThrow(() -> new IllegalStateException(
                    "Keycloak asks " + username + " for a one-time code, but DemoUsers has no secret for them"));
            driver.findElement(By.id("otp")).sendKeys(Totp.unusedCode(secret));
            submit("the one-time code of " + username);
        }
        return this;
    }

    /** Clicks Keycloak's primary button and waits for the next page; fails with Keycloak's field errors. */
    public Browser submit(String what) {
        WebElement button = driver.findElement(By.cssSelector("#kc-login, #saveTOTPBtn, [type=submit]"));
        button.click();
        await(ExpectedConditions.stalenessOf(button), () -> "the page after " + what);
        List<String> errors = driver.findElements(FIELD_ERRORS).stream().map(WebElement::getText)
                .filter(text -> !text.isBlank()).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Keycloak refused " + what + ": " + String.join("; ", errors));
        }
        return this;
    }

    /**
     * Clicks what {@code what} finds and waits until that element has left the page (a navigation or an htmx swap).
     * A page still settling can replace the element between finding and clicking it; then the click never happened
     * and is tried again on the element that replaced it.
     */
    public Browser clickAndAwaitChange(By what) {
        WebElement[] clicked = new WebElement[1];
        await(d -> {
            try {
                WebElement element = d.findElement(what);
                element.click();
                clicked[0] = element;
                return true;
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                return false;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        }, () -> "a clickable " + what);
        await(ExpectedConditions.stalenessOf(clicked[0]), () -> "the page after clicking " + what);
        return this;
    }

    /** Waits until the address bar matches, e.g. until Keycloak has redirected back to the application. */
    public Browser awaitUrl(Predicate<String> condition, String description) {
        await(d -> condition.test(d.getCurrentUrl()), () -> description + " (still at " + driver.getCurrentUrl() + ")");
        return this;
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The page for anything this class has no shortcut for. */
    public WebDriver driver() {
        return driver;
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write screenshot " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            DevStack.deleteRecursively(profile);
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private <T> void await(Function<WebDriver, T> condition, Supplier<String> what) {
        try {
            new WebDriverWait(driver, WAIT).until(condition);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + WAIT.toSeconds() + " s waiting for " + what.get()
                    + "; page title: '" + driver.getTitle() + "'", e);
        }
    }
}
