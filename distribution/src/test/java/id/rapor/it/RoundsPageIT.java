package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's rounds page in a real headless Chromium, with a second browser for an office admin under the region:
 * the admin opens the region's round (a region named with a script tag, shown as text), the office admin sees it
 * first on the assess page, open, with a self-assessment to begin; the admin closes it and the office admin's page
 * says so and offers no self-assessment. Screenshots under target/screenshots/rounds-*.
 */
class RoundsPageIT extends StartedDistribution {
    private static final String REGION_NAME = "Kabupaten <script>alert(1)</script>";
    private static final int YEAR = LocalDate.now().getYear();
    private static Chromium admin;
    private static Chromium office;

    @BeforeAll
    static void unitsAndBrowsers() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-opd-r-1"), "add", "opd-r", "unit-admin@dinas-r")[0]);
        String basic = RaporDistribution.basic("admin", "sandi-admin-1");
        rapor.awaitJson("/api/v1/methodologies", list -> {
            for (var m : list) if (!"ACTIVE".equals(m.path("status").asText())) return false;
            return true;
        }, Duration.ofSeconds(180));
        String region = "{\"id\":\"kab-r\",\"name\":\"Kabupaten <script>alert(1)</script>\",\"kind\":\"region\"}";
        var r = rapor.post("/api/v1/units", region, basic);
        for (int i = 0; i < 100 && r.statusCode() == 503; i++) { // the database opens after the API
            Thread.sleep(100);
            r = rapor.post("/api/v1/units", region, basic);
        }
        assertEquals(201, r.statusCode(), r.body());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"dinas-r\",\"name\":\"Dinas R\",\"kind\":\"office\",\"parent\":\"kab-r\"}", basic)
                .statusCode());
        admin = new Chromium("rounds-admin");
        office = new Chromium("rounds-office");
    }

    @AfterAll
    static void closeBrowsers() {
        if (admin != null) admin.close();
        if (office != null) office.close();
    }

    @Test
    void theAdminOpensARoundTheOfficeAdminSeesItAndCannotEnterOnceItIsClosed() throws Exception {
        admin.login(rapor.url("/"), "admin", "sandi-admin-1");
        admin.shown(By.cssSelector("#nav a[href='#/rounds']")).click();
        admin.shown(By.id("round-form"));
        assertEquals("Putaran penilaian", admin.browser.findElement(By.tagName("h1")).getText(), "Indonesian by default");
        everyControlHasALabel();
        admin.screenshot("empty");

        // Open Kabupaten R's PEKPPP round of this year, from today for two weeks.
        new Select(admin.browser.findElement(By.id("round-region"))).selectByValue("kab-r");
        new Select(admin.browser.findElement(By.id("round-family"))).selectByValue("pekppp");
        WebElement year = admin.browser.findElement(By.id("round-year"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        date("round-opens", LocalDate.now());
        date("round-closes", LocalDate.now().plusDays(14));
        admin.screenshot("form");
        admin.browser.findElement(By.id("save-round")).click();
        WebElement row = admin.shown(By.cssSelector("#rounds-table tr[data-round]"));
        assertTrue(row.getText().contains(REGION_NAME), "the region's name shown as text: " + row.getText());
        assertTrue(row.getText().contains("Dibuka"), row.getText());
        String id = row.getAttribute("data-round");
        admin.screenshot("opened");

        // The office admin under it sees it first on the assess page, open, and may begin a self-assessment.
        office.login(rapor.url("/"), "opd-r", "sandi-opd-r-1");
        WebElement open = office.shown(By.cssSelector("#open-rounds li[data-round='" + id + "']"));
        assertTrue(open.getText().contains(REGION_NAME), open.getText());
        office.until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-state"), "Dibuka"));
        assertEquals(String.valueOf(YEAR), office.browser.findElement(By.id("year")).getAttribute("value"), "the open round chosen");
        assertEquals("pekppp", new Select(office.browser.findElement(By.id("family"))).getFirstSelectedOption().getAttribute("value"));
        office.shown(By.id("new-assessment"));
        office.screenshot("open");

        // The admin closes it: the office admin's page says so, and offers no self-assessment.
        admin.browser.findElement(By.cssSelector("button[data-toggle='" + id + "']")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rounds-status"), "ditutup"));
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#rounds-table tr[data-round='" + id + "']"), "Ditutup"));
        admin.screenshot("closed");
        office.browser.navigate().refresh();
        office.shown(By.id("self-closed"));
        office.until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-state"), "Ditutup"));
        assertTrue(office.browser.findElements(By.id("new-assessment")).isEmpty(), "no self-assessment to begin");
        assertTrue(office.browser.findElement(By.id("open-rounds")).getText().contains("Tidak ada putaran"),
                office.browser.findElement(By.id("open-rounds")).getText());
        office.screenshot("closed");
        var refused = rapor.post("/api/v1/units/dinas-r/assessments", RecordsScenarios.entry("self", YEAR, null),
                RaporDistribution.basic("opd-r", "sandi-opd-r-1"));
        assertEquals(409, refused.statusCode(), "the API refuses what the page no longer offers: " + refused.body());

        // The period changed in the form, a refusal shown beside it; then the English words.
        admin.browser.findElement(By.cssSelector("button[data-edit='" + id + "']")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#round-form h2"), "PEKPPP"));
        date("round-closes", LocalDate.now().minusDays(1));
        admin.browser.findElement(By.id("save-round")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#round-form .problem"), "closesOn"));
        admin.screenshot("refused");
        new Select(admin.browser.findElement(By.id("lang"))).selectByValue("en");
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Assessment rounds"));
        admin.screenshot("english");
        admin.noErrorInTheConsole();
        office.noErrorInTheConsole();
    }

    /** A date field set as a date picker would (its text entry differs by the browser's locale). */
    private static void date(String id, LocalDate value) {
        WebElement input = admin.browser.findElement(By.id(id));
        ((JavascriptExecutor) admin.browser).executeScript("arguments[0].value = arguments[1]", input, value.toString());
    }

    private static void everyControlHasALabel() {
        for (WebElement control : admin.browser.findElements(By.cssSelector("#round-form input, #round-form select"))) {
            String id = control.getAttribute("id");
            assertFalse(admin.browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), id + " has a label");
        }
    }
}
