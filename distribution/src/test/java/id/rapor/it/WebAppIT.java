package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web application in a real headless Chromium (Debian's chromium and chromium-driver) against
 * the real distribution, one started copy for the whole scenario: the admin imports the units
 * (one named {@code <script>alert(1)</script>}), an office admin fills a self-assessment, sees the
 * score change as an answer changes, saves the draft, attaches a PDF and submits; an evaluator
 * scores the same unit; the unit with a script for a name is shown as text; the language switch
 * shows English. A screenshot of each page goes to target/screenshots/; an error in the browser's
 * console (a script's, or a Content-Security-Policy violation) fails the test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT extends StartedDistribution {
    private static final String XSS = "<script>alert(1)</script>";
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void browser() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-opd-1"), "add", "opd", "unit-admin@dinas-a")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-penilai-1"), "add", "budi", "evaluator@kab-contoh")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-verif-1"), "add", "vera", "verifier@kab-contoh")[0]);
        rapor.awaitAllActive();
        chromium = new Chromium("web");
        browser = chromium.browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) chromium.close();
    }

    /** Every step ends with a look at the console: an error there, or an alert a script ran, fails it. */
    @AfterEach
    void noErrorInTheConsole() {
        chromium.noErrorInTheConsole();
    }

    private static void noAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a script ran an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private static WebElement shown(By by) {
        return chromium.shown(by);
    }

    private static void textIs(By by, String text) {
        until(ExpectedConditions.textToBe(by, text));
    }

    /** Waits; if in vain, the page as it was (screenshot, source, console) is kept beside the screenshots. */
    private static <T> T until(java.util.function.Function<? super WebDriver, T> condition) {
        return chromium.until(condition);
    }

    private static void login(String user, String password) throws Exception {
        browser.manage().deleteAllCookies();
        browser.get(rapor.url("/"));
        textIs(By.tagName("h1"), browser.findElement(By.tagName("html")).getAttribute("lang").equals("en") ? "Log in" : "Masuk");
        WebElement name = browser.findElement(By.name("user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), user));
    }

    private static void logout() {
        browser.findElement(By.id("logout")).click();
        shown(By.name("user"));
    }

    /** Chooses the unit, family and year, and shows the round's assessments. */
    private static void chooseRound(String unitId) {
        shown(By.id("unit"));
        new Select(browser.findElement(By.id("unit"))).selectByValue(unitId);
        new Select(browser.findElement(By.id("family"))).selectByValue("pekppp");
        WebElement year = browser.findElement(By.id("year"));
        year.clear();
        year.sendKeys("2024");
        browser.findElement(By.id("show-round")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.card > h2"), "2024"));
    }

    private static void answerAll(int value) {
        List<WebElement> indicators = browser.findElements(By.cssSelector("fieldset.indicator"));
        assertTrue(indicators.size() > 20, "the questionnaire: " + indicators.size() + " indicators");
        for (WebElement indicator : indicators) {
            List<WebElement> level = indicator.findElements(By.cssSelector("input[type=radio][value='" + value + "']"));
            (level.isEmpty() ? indicator.findElement(By.cssSelector("input[type=radio]")) : level.get(0)).click();
        }
    }

    @Test
    @Order(1)
    void theAdminImportsTheUnitsAndTheTreeShowsAScriptNameAsText() throws Exception {
        browser.get(rapor.url("/"));
        textIs(By.tagName("h1"), "Masuk");
        assertEquals("id", browser.findElement(By.tagName("html")).getAttribute("lang"), "Indonesian by default");
        screenshot("login");
        login("admin", "sandi-admin-1");
        browser.get(rapor.url("/#/units"));
        textIs(By.tagName("h1"), "Unit");
        Path csv = Files.writeString(rapor.home.resolve("unit.csv"),
                "id,name,kind,parent\nkab-contoh,Kabupaten Contoh,region,\ndinas-a,Dinas A,office,kab-contoh\n"
                        + "skrip,\"" + XSS + "\",office,kab-contoh\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("units-file")).sendKeys(csv.toString());
        browser.findElement(By.id("import")).click();
        textIs(By.id("import-status"), "3 unit diimpor.");
        WebElement scriptUnit = shown(By.cssSelector("li[data-unit='skrip'] > .unit-name"));
        assertEquals(XSS, scriptUnit.getText(), "shown as the text it is");
        assertEquals(1, ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('script').length")).intValue(), "no script element was added");
        screenshot("units");
        logout();
    }

    private static String assessmentId;

    @Test
    @Order(2)
    void anOfficeAdminFillsSavesAttachesAndSubmitsASelfAssessment() throws Exception {
        // The round before, through the API: an evaluator's 2023 assessment of Dinas A, final (2.00 at every level 2).
        String admin = RaporDistribution.basic("admin", "sandi-admin-1");
        StringBuilder answers = new StringBuilder();
        for (int i = 1; i <= 31; i++) answers.append(i > 1 ? "," : "").append(String.format("\"i%02d\":2", i));
        var before = rapor.post("/api/v1/units/dinas-a/assessments", "{\"family\":\"pekppp\",\"year\":2023,\"role\":\"evaluator\",\"answers\":{"
                + answers + "}}", admin);
        assertEquals(201, before.statusCode(), before.body());
        String previous = RaporDistribution.json(before).get("id").asText();
        assertEquals(200, rapor.post("/api/v1/assessments/" + previous + "/submit", "", admin).statusCode());
        assertEquals(200, rapor.post("/api/v1/assessments/" + previous + "/finalize", "", admin).statusCode());
        login("opd", "sandi-opd-1");
        textIs(By.tagName("h1"), "Penilaian");
        chooseRound("dinas-a");
        shown(By.id("no-assessments"));
        screenshot("round");
        new Select(browser.findElement(By.id("new-role"))).selectByValue("self");
        browser.findElement(By.id("new-assessment")).click();
        shown(By.id("questionnaire"));
        textIs(By.id("score-progress"), "0 dari 30 indikator terjawab."); // 31 indicators, one for information only
        answerAll(3);
        textIs(By.id("score-index"), "3,00");
        assertTrue(browser.findElement(By.id("score-band")).getText().startsWith("C"), browser.findElement(By.id("score-band")).getText());
        // The score follows the answers: i01 from level 3 to level 5.
        browser.findElement(By.cssSelector("input[name='answer-i01'][value='5']")).click();
        until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("score-index"), "3,00")));
        String changed = browser.findElement(By.id("score-index")).getText();
        assertNotEquals("3,00", changed);
        assertFalse(browser.findElements(By.cssSelector("#score-chart canvas")).isEmpty(), "the contributions drawn by ECharts");
        assertTrue(browser.findElements(By.cssSelector("#score-explanation li")).size() > 3);
        // Beside the score, what it takes to reach the next band (the planner's fewest level steps).
        until(d -> !d.findElements(By.cssSelector("#score-plan li")).isEmpty());
        assertTrue(browser.findElement(By.id("score-plan")).getText().startsWith("Menuju "), browser.findElement(By.id("score-plan")).getText());
        // And against the unit's official score of 2023, the difference split by why it moved (here: the answers).
        String movedFrom = "Nilai resmi 2023 (pekppp-2022 2022.1.0): 2,00 D; sekarang " + changed;
        until(d -> d.findElement(By.id("score-moved")).getText().startsWith(movedFrom));
        assertFalse(browser.findElements(By.cssSelector("#score-moved li")).isEmpty(), "the parts of the difference");
        screenshot("questionnaire");
        browser.findElement(By.id("save")).click();
        until(ExpectedConditions.urlMatches("#/assessment/\\d+$"));
        assessmentId = browser.getCurrentUrl().replaceAll(".*/", "");
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Draf no. " + assessmentId + " tersimpan"));
        textIs(By.id("state"), "Draf");
        // Come back later: the draft opens from the round's list with its answers.
        browser.get(rapor.url("/#/assess?unit=dinas-a&family=pekppp&year=2024"));
        shown(By.cssSelector("#assessments a[href='#/assessment/" + assessmentId + "']")).click();
        shown(By.id("questionnaire"));
        assertTrue(browser.findElement(By.cssSelector("input[name='answer-i01'][value='5']")).isSelected());
        textIs(By.id("score-index"), changed);
        // Evidence for i01: a PDF.
        Path pdf = Files.writeString(rapor.home.resolve("SK Standar Pelayanan.pdf"), "%PDF-1.4\n% bukti i01\n%%EOF\n");
        shown(By.name("file-i01")).sendKeys(pdf.toString());
        browser.findElement(By.cssSelector("button[data-attach='i01']")).click();
        WebElement link = shown(By.cssSelector("#evidence-i01 a"));
        assertEquals("SK Standar Pelayanan.pdf", link.getText());
        assertTrue(link.getAttribute("href").contains("/api/v1/assessments/" + assessmentId + "/evidence/i01/"), link.getAttribute("href"));
        screenshot("evidence");
        browser.findElement(By.id("submit")).click();
        textIs(By.id("state"), "Terkirim");
        assertTrue(browser.findElements(By.id("save")).isEmpty(), "a submitted assessment is read only");
        assertFalse(browser.findElement(By.cssSelector("input[name='answer-i02'][value='3']")).isEnabled());
        screenshot("submitted");
        logout();
    }

    @Test
    @Order(3)
    void anEvaluatorScoresTheSameUnit() throws Exception {
        login("budi", "sandi-penilai-1");
        chooseRound("dinas-a");
        WebElement self = shown(By.cssSelector("#assessments tbody tr"));
        assertTrue(self.getText().contains("Mandiri") && self.getText().contains("Terkirim"), self.getText());
        assertEquals(List.of("evaluator"), new Select(browser.findElement(By.id("new-role"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).collect(Collectors.toList()), "an evaluator enters evaluators' assessments only");
        browser.findElement(By.id("new-assessment")).click();
        shown(By.id("questionnaire"));
        answerAll(2);
        textIs(By.id("score-index"), "2,00");
        browser.findElement(By.id("save")).click();
        until(ExpectedConditions.urlMatches("#/assessment/\\d+$"));
        textIs(By.id("state"), "Draf");
        browser.findElement(By.id("submit")).click();
        textIs(By.id("state"), "Terkirim");
        screenshot("evaluator");
        browser.get(rapor.url("/#/assess?unit=dinas-a&family=pekppp&year=2024"));
        until(d -> d.findElements(By.cssSelector("#assessments tbody tr")).size() == 2);
        screenshot("round-both");
    }

    @Test
    @Order(4)
    void aUnitNamedScriptIsShownAsTextWhereverItsNameIs() throws Exception {
        chooseRound("skrip");
        WebElement option = browser.findElement(By.cssSelector("#unit option[value='skrip']"));
        assertTrue(option.getText().endsWith(XSS), option.getText());
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.card h2"), XSS));
        assertEquals(1, ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('script').length")).intValue());
        noAlert();
        screenshot("script-unit");
    }

    @Test
    @Order(5)
    void theLanguageSwitchShowsEnglishAndTheApiAnswersInIt() throws Exception {
        browser.get(rapor.url("/#/assessment/" + assessmentId));
        shown(By.id("questionnaire"));
        textIs(By.id("state"), "Terkirim");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        textIs(By.id("state"), "Submitted");
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Log out", browser.findElement(By.id("logout")).getText());
        assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Self assessment"), browser.findElement(By.tagName("h1")).getText());
        // The score as the API words it in English: a decimal point.
        until(ExpectedConditions.textMatches(By.id("score-index"), java.util.regex.Pattern.compile("^\\d\\.\\d\\d$")));
        screenshot("english");
        // On a phone: the same page, one column.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().refresh();
        shown(By.id("questionnaire"));
        textIs(By.id("state"), "Submitted");
        Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling on a phone: " + overflow);
        screenshot("phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        new Select(browser.findElement(By.id("lang"))).selectByValue("id");
        textIs(By.id("state"), "Terkirim");
    }

    @Test
    @Order(6)
    void aVerifierMakesBothAssessmentsFinal() throws Exception {
        login("vera", "sandi-verif-1");
        browser.get(rapor.url("/#/assess?unit=dinas-a&family=pekppp&year=2024"));
        until(d -> d.findElements(By.cssSelector("#assessments tbody tr")).size() == 2);
        List<String> opened = browser.findElements(By.cssSelector("#assessments tbody a")).stream().map(a -> a.getAttribute("href"))
                .collect(Collectors.toList());
        for (String href : opened) {
            browser.get(href);
            shown(By.id("finalize")).click();
            textIs(By.id("state"), "Final");
            assertTrue(browser.findElements(By.id("finalize")).isEmpty(), "a final assessment is final");
        }
        screenshot("final");
        logout();
    }

    /**
     * The organisation bureau's view of the round: the region's index, dinas-a with the self-assessment beside the
     * evaluator's and the gap between them, the unit named with a script not entered (shown as text), the bands as a
     * chart, the table sorted by a click; then dinas-a's history.
     */
    @Test
    @Order(7)
    void theBureauSeesBothInTheRoundsViewWithTheGap() throws Exception {
        login("admin", "sandi-admin-1");
        shown(By.cssSelector("#nav a[href='#/monitor']")).click();
        textIs(By.tagName("h1"), "Pemantauan putaran");
        new Select(browser.findElement(By.id("monitor-region"))).selectByValue("kab-contoh");
        new Select(browser.findElement(By.id("monitor-family"))).selectByValue("pekppp");
        WebElement year = browser.findElement(By.id("monitor-year"));
        year.clear();
        year.sendKeys("2024");
        browser.findElement(By.id("show-monitoring")).click();
        // The evaluator's 2.00 is the official score (evaluator over self); the region's index is its mean.
        textIs(By.id("monitor-index"), "2,00");
        WebElement row = shown(By.xpath("//table[@id='monitor-units']//tr[td[2]/a[text()='Dinas A']]"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals("1", cells.get(0).getText(), "rank");
        assertEquals("2,00", cells.get(2).getText(), "index");
        String self = cells.get(5).getText();
        assertTrue(self.matches("3,\\d\\d") && !self.equals("3,00"), "self: " + self);
        assertEquals("2,00", cells.get(6).getText(), "evaluator");
        String gap = cells.get(7).getText();
        assertEquals("+" + self.replace("3,", "1,"), gap, "the gap self − evaluator");
        assertEquals(XSS, shown(By.cssSelector("#monitor-not-entered li")).getText(), "not entered, shown as text");
        assertEquals("Dinas A", browser.findElement(By.cssSelector("#monitor-at-or-below li")).getText(), "2.00 is below C");
        assertFalse(browser.findElements(By.cssSelector("#monitor-bands-chart canvas")).isEmpty(), "the bands drawn by ECharts");
        assertEquals(1, ((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.querySelectorAll('script').length")).intValue());
        screenshot("monitoring");
        // Sorted by a click on the unit's column: the script-named unit (< sorts before D) first.
        browser.findElement(By.cssSelector("#monitor-units button[data-sort='name']")).click();
        assertEquals("ascending", browser.findElement(By.xpath("//table[@id='monitor-units']//th[button[@data-sort='name']]")).getAttribute("aria-sort"));
        assertEquals(XSS, browser.findElement(By.cssSelector("#monitor-units tbody tr td:nth-child(2)")).getText());
        browser.findElement(By.cssSelector("#monitor-units button[data-sort='name']")).click();
        assertEquals("Dinas A", browser.findElement(By.cssSelector("#monitor-units tbody tr td:nth-child(2)")).getText());
        screenshot("monitoring-sorted");
        // Dinas A's history: 2023 and 2024 as a line chart and a table.
        browser.findElement(By.linkText("Dinas A")).click();
        textIs(By.tagName("h1"), "Riwayat Dinas A — PEKPPP");
        until(d -> d.findElements(By.cssSelector("#history-rounds tbody tr")).size() == 2);
        WebElement round = browser.findElement(By.cssSelector("#history-rounds tbody tr:last-child"));
        assertTrue(round.getText().startsWith("2024 pekppp-2022") && round.getText().contains("2,00"), round.getText());
        until(d -> !d.findElements(By.cssSelector("#history-chart canvas")).isEmpty());
        screenshot("history");
        logout();
    }
}
