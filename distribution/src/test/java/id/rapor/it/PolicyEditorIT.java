package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Policy staff in a real headless Chromium against the real distribution, as docs/policy-guide.md
 * tells them: a unit's final assessment (2.97, band C) is stored first through the API; policy
 * staff open PEKPPP 2022's tables, move band C's lower edge to 2.98, see the check fail at band
 * C's row, fix band C-'s upper edge, accept the golden cases' new numbers, see the diff and the
 * impact (the unit goes from C to C-), activate it — and the unit's band changes in the
 * monitoring view (the region's band at once; the unit's own once it is re-scored) — then roll
 * back. An admin sees the methodologies read-only. Screenshots under target/screenshots/policy-*.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyEditorIT extends StartedDistribution {
    private static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    private static final String MONITORING = "/api/v1/monitoring?region=kab-p&year=2024&family=pekppp";
    private static Chromium chromium;
    private static long assessment;

    @BeforeAll
    static void recordsAndBrowser() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan-1"), "add", "siti", "policy")[0]);
        rapor.awaitAllActive();
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-p\",\"name\":\"Kabupaten P\",\"kind\":\"region\"}", ADMIN).statusCode());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"dinas-p\",\"name\":\"Dinas P\",\"kind\":\"office\",\"parent\":\"kab-p\"}", ADMIN)
                .statusCode());
        assessment = PolicyRecords.finalAssessment("dinas-p", ADMIN, rapor);
        chromium = new Chromium("policy");
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) chromium.close();
    }

    @AfterEach
    void noErrorInTheConsole() {
        chromium.noErrorInTheConsole();
    }

    private static WebElement cell(int row, String column) {
        return chromium.shown(By.cssSelector("input[data-table='bands'][data-row='" + row + "'][data-column='" + column + "']"));
    }

    private static void type(WebElement input, String value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private static void propose(String comment) {
        WebElement c = chromium.browser.findElement(By.id("comment"));
        c.clear();
        c.sendKeys(comment);
        chromium.browser.findElement(By.id("propose")).click();
    }

    private static void choose(String table) {
        new Select(chromium.shown(By.id("table-choice"))).selectByValue(table);
    }

    private static JsonNode monitoring() throws Exception {
        var r = rapor.get(MONITORING, ADMIN);
        assertEquals(200, r.statusCode(), r.body());
        return RaporDistribution.json(r);
    }

    private static String unitBand(JsonNode view) {
        for (JsonNode u : view.get("units")) if (u.get("id").asText().equals("dinas-p")) return u.at("/official/band/code").asText();
        throw new AssertionError(view.toString());
    }

    @Test
    @Order(1)
    void policyStaffMoveABandEdgeAndSeeTheCheckFailAtItsRow() throws Exception {
        assertEquals("C", monitoring().at("/band/code").asText(), "2.97 is C before");
        chromium.login(rapor.url("/"), "siti", "sandi-kebijakan-1");
        chromium.shown(By.cssSelector("#nav a[href='#/policy']")).click();
        chromium.shown(By.cssSelector("#methodologies a[href='#/policy/pekppp-2022']"));
        chromium.screenshot("methodologies");
        chromium.browser.findElement(By.cssSelector("#methodologies a[href='#/policy/pekppp-2022']")).click();
        choose("bands");
        assertEquals("2.51", cell(4, "min").getAttribute("value"));
        chromium.screenshot("tables");
        type(cell(4, "min"), "2.98");
        propose("Predikat C mulai 2,98");
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revision-state"), "DITOLAK"));
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-errors"), "2.98"));
        assertEquals("true", cell(4, "code").getAttribute("aria-invalid"), "the failing check is shown at band C's row");
        assertTrue(cell(4, "min").findElement(By.xpath("./ancestor::tr")).getAttribute("class").contains("bad-row"));
        chromium.screenshot("check-fails-at-the-cell");
    }

    @Test
    @Order(2)
    void theyFixItAcceptTheGoldenCasesNewNumbersAndSeeTheDiffAndTheImpact() throws Exception {
        // Revision 1's tables are shown: band C starts at 2.98; C- must end at 2.97.
        assertEquals("2.98", cell(4, "min").getAttribute("value"));
        type(cell(5, "max"), "2.97");
        propose("Predikat C mulai 2,98; C- sampai 2,97");
        chromium.shown(By.id("accept-golden"));
        assertTrue(chromium.browser.findElement(By.id("golden-changes")).getText().contains("2.97 C-"));
        chromium.screenshot("golden-cases-moved");
        chromium.browser.findElement(By.id("accept-golden")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revision-state"), "DRAF"));
        assertEquals("3", chromium.browser.getCurrentUrl().replaceAll(".*revision=", ""));
        chromium.shown(By.id("diff-3")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("diff"), "C,Cukup,2.98,3.00"));
        chromium.screenshot("diff");
        chromium.browser.findElement(By.id("impact-3")).click();
        WebElement line = chromium.shown(By.cssSelector("#impact tr[data-unit='dinas-p']"));
        assertTrue(line.getText().contains("2.97 C-"), line.getText());
        assertTrue(line.getAttribute("class").contains("band-changes"));
        chromium.screenshot("impact");
    }

    @Test
    @Order(3)
    void theyActivateItAndTheUnitsBandChangesInTheMonitoringView() throws Exception {
        chromium.browser.findElement(By.id("activate-3")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-status"), "2022.1.0+r3"));
        chromium.shown(By.id("rollback"));
        chromium.screenshot("activated");
        JsonNode view = monitoring();
        assertEquals("C-", view.at("/band/code").asText(), "the region's 2.97 is banded by the rules serving now");
        assertEquals("C", unitBand(view), "a stored score keeps the rules that gave it until it is re-scored");
        var again = rapor.post("/api/v1/assessments/" + assessment + "/rescore", "", ADMIN);
        assertEquals(201, again.statusCode(), again.body());
        PolicyRecords.finalized(RaporDistribution.json(again).get("id").asLong(), ADMIN, rapor);
        assertEquals("C-", unitBand(monitoring()), "re-scored by the activated revision");
        assertTrue(chromium.browser.findElement(By.id("audit-trail")).getText().contains("revision.activate"));
    }

    @Test
    @Order(4)
    void theyRollBackToTheRuleBundles() throws Exception {
        chromium.browser.findElement(By.id("rollback")).click();
        chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-status"), "2022.1.0."));
        chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("rollback")));
        chromium.screenshot("rolled-back");
        assertEquals("C", monitoring().at("/band/code").asText(), "the bundles' bands again");
    }

    @Test
    @Order(5)
    void anAdminSeesTheMethodologiesReadOnly() throws Exception {
        chromium.login(rapor.url("/"), "admin", "sandi-admin-1");
        chromium.shown(By.cssSelector("#nav a[href='#/policy']")).click();
        chromium.shown(By.cssSelector("#methodologies a[href='#/policy/pekppp-2022']"));
        assertTrue(chromium.browser.findElement(By.cssSelector("main .notice")).getText().contains("peran policy"));
        chromium.screenshot("admin-read-only");
    }
}
