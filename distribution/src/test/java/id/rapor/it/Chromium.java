package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromium-driver, as a browser IT uses it: screenshots
 * numbered under target/screenshots/ with a prefix, waits that keep the page when they fail, and
 * the console, in which any error but the API's own 4xx answers fails the test.
 */
final class Chromium implements AutoCloseable {
    final WebDriver browser;
    private final WebDriverWait wait;
    private final Path screenshots;
    private final String prefix;
    private int shot;

    Chromium(String prefix) throws Exception {
        this.prefix = prefix;
        screenshots = Path.of(System.getProperty("rapor.distribution")).getParent().resolve("screenshots");
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("rapor.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1000",
                "--lang=id-ID", "--no-first-run", "--disable-extensions");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("rapor.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    void noErrorInTheConsole() {
        List<LogEntry> entries = browser.manage().logs().get(LogType.BROWSER).getAll();
        List<String> errors = entries.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                // The API's refusals (a 401 before login, a 422) are answers the page shows, not script errors.
                .filter(e -> !(e.getMessage().contains("/api/v1/") && e.getMessage().contains("the server responded with a status of 4")))
                .map(LogEntry::toString).collect(Collectors.toList());
        assertEquals(List.of(), errors, "the browser's console");
        try {
            throw new AssertionError("a script ran an alert: " + browser.switchTo().alert().getText());
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    void screenshot(String name) throws Exception {
        shot++;
        Files.write(screenshots.resolve(String.format("%s-%02d-%s.png", prefix, shot, name)), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits; if in vain, the page as it was (screenshot, source, console) is kept beside the screenshots. */
    <T> T until(Function<? super WebDriver, T> condition) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot++;
                Files.write(screenshots.resolve(String.format("%s-%02d-FAILED.png", prefix, shot)), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                Files.writeString(screenshots.resolve(String.format("%s-%02d-FAILED.html", prefix, shot)), browser.getPageSource());
                throw new AssertionError(e.getMessage() + "\nat " + browser.getCurrentUrl() + "\nconsole: "
                        + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }
    }

    WebElement shown(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void login(String url, String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url);
        WebElement name = shown(By.name("user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
