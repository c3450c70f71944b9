package org.puente.testing;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) for the browser tests, with
 * screenshots under {@code target/screenshots/} and axe accessibility checks run in the page.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("puente.test.dir", "target"), "screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Opens Chromium with a fresh profile, removed again by {@link #close()}; skips the test on a developer
     * machine without it, fails in CI. Finding an element never waits (no implicit wait): a step that must
     * wait for a page or a refresh says so ({@link #clickAndWait}, {@link #waiting}).
     */
    public static Browser open() {
        boolean installed = CHROMIUM.canExecute() && DRIVER.canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        try {
            Path profile = Files.createTempDirectory("puente-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--user-data-dir=" + profile,
                    "--window-size=1280,900",
                    "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER)
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks something that loads a new page (a form's submit button, a link) and waits until the new page
     * has replaced the old one, so the next step never races the navigation.
     */
    public void clickAndWait(org.openqa.selenium.By target) {
        // A mark on the old page's window; a new page has a fresh window object without it.
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("window.puenteOldPage = true;");
        // A page that refreshes part of itself (the alert list's live progress) may replace the element
        // between finding and clicking it: find it again.
        waiting(Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(target).click();
                    return true;
                });
        awaitNewPage(js);
    }

    /**
     * Clicks an element that loads a new page, as {@link #clickAndWait(org.openqa.selenium.By)} does, for an
     * element found inside another (a link in a table row).
     */
    public void clickAndWait(WebElement element) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("window.puenteOldPage = true;");
        element.click();
        awaitNewPage(js);
    }

    /**
     * A wait for something the page brings about, looking again every 50 ms (Selenium's own default, half a
     * second, adds a quarter of a second on average to every step).
     */
    public org.openqa.selenium.support.ui.WebDriverWait waiting(Duration timeout) {
        org.openqa.selenium.support.ui.WebDriverWait wait =
                new org.openqa.selenium.support.ui.WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    private void awaitNewPage(org.openqa.selenium.JavascriptExecutor js) {
        waiting(Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.puenteOldPage === undefined && document.readyState === 'complete';")));
    }

    /**
     * Makes the browser as a new visitor's, between the tests of a class that share it: a blank page, no
     * cookies of any site (the portal keeps nothing in web storage), a desktop window, and an address of
     * its own ({@link ClientAddresses}, sent as {@code X-Forwarded-For} as a proxy would), so what one test
     * does counts against no other's client.
     */
    public void forgetVisitor() {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand(
                "Network.setExtraHTTPHeaders",
                java.util.Map.of("headers", java.util.Map.of("X-Forwarded-For", ClientAddresses.next())));
        size(1280, 900);
    }

    /**
     * Turns the page's own scripts off (or on again) for this tab, as a visitor with JavaScript disabled or on a
     * browser that failed to load the script would have it; the test's own steps still run.
     */
    public void pageScripts(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", !enabled));
    }

    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * From now on every page records its Content-Security-Policy violations and script errors before any of its
     * own scripts run (a script added through DevTools, which the policy does not apply to), for
     * {@link #pageProblems()}.
     */
    public void recordPageProblems() {
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                java.util.Map.of(
                        "source",
                        "window.puenteProblems = [];"
                                + "document.addEventListener('securitypolicyviolation', function (e) {"
                                + "  window.puenteProblems.push('CSP ' + e.violatedDirective + ' blocked ' + e.blockedURI"
                                + "    + ' at ' + e.sourceFile + ':' + e.lineNumber); });"
                                + "window.addEventListener('error', function (e) {"
                                + "  window.puenteProblems.push('script error: ' + e.message); });"));
    }

    /** What the current page recorded since it loaded ({@link #recordPageProblems()}). */
    @SuppressWarnings("unchecked")
    public List<String> pageProblems() {
        Object problems = driver.executeScript("return window.puenteProblems;");
        if (problems == null) {
            throw new IllegalStateException("the page records no problems: call recordPageProblems() first");
        }
        return (List<String>) problems;
    }

    /** Saves a screenshot as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serious and critical axe violations on the current page, described for an assertion message. */
    public List<String> seriousAccessibilityViolations() {
        // The only frames in the portal are the alert editor's previews of a mail: sandboxed without
        // scripts, so axe cannot enter them and would wait out its frame timeout for each. Without frames,
        // axe's plain run in the page (legacy mode) finds the same as its frame-by-frame run, without opening
        // a second window to merge results; and only violations are worked out in full.
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        Results results = new AxeBuilder()
                .withOptions(options)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .disableIframeTesting()
                .setLegacyMode(true)
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .collect(Collectors.toList());
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .limit(3)
                        .map(n -> String.valueOf(n.getTarget()))
                        .collect(Collectors.joining(", "));
    }

    /** Quits Chromium and removes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                System.err.println("Chromium profile " + profile + " not removed: " + e);
            }
        }
    }
}
