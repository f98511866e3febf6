package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin's users page in a real headless Chromium, with a second browser for the user being
 * managed: the admin adds an evaluator for a region (the unit chosen from the tree), the evaluator
 * logs in and sees the region, the admin moves the grant to another region and the evaluator's
 * session ends at once; a password reset, a refusal shown beside the form, a removal confirmed in
 * place, the English words. Screenshots under target/screenshots/users-*.
 */
class UsersPageIT extends StartedDistribution {
    private static Chromium admin;
    private static Chromium evaluator;

    @BeforeAll
    static void unitsAndBrowsers() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        String basic = RaporDistribution.basic("admin", "sandi-admin-1");
        rapor.awaitJson("/api/v1/methodologies", list -> {
            for (var m : list) if (!"ACTIVE".equals(m.path("status").asText())) return false;
            return true;
        }, Duration.ofSeconds(180));
        for (String region : List.of("kab-u", "kab-v")) {
            String body = "{\"id\":\"" + region + "\",\"name\":\"Kabupaten " + region.substring(4).toUpperCase() + "\",\"kind\":\"region\"}";
            var r = rapor.post("/api/v1/units", body, basic);
            for (int i = 0; i < 100 && r.statusCode() == 503; i++) { // the database opens after the API
                Thread.sleep(100);
                r = rapor.post("/api/v1/units", body, basic);
            }
            assertEquals(201, r.statusCode(), r.body());
        }
        admin = new Chromium("users-admin");
        evaluator = new Chromium("users-evaluator");
    }

    @AfterAll
    static void closeBrowsers() {
        if (admin != null) admin.close();
        if (evaluator != null) evaluator.close();
    }

    @Test
    void theAdminGrantsARegionTheEvaluatorSeesItAndLosesTheSessionWhenTheGrantGoes() throws Exception {
        admin.login(rapor.url("/"), "admin", "sandi-admin-1");
        admin.shown(By.cssSelector("#nav a[href='#/users']")).click();
        admin.shown(By.cssSelector("tr[data-user='admin']"));
        assertEquals("Pengguna dan perannya", admin.browser.findElement(By.tagName("h1")).getText(), "Indonesian by default");
        everyControlHasALabel();
        admin.screenshot("list");

        // Add rina, evaluator of Kabupaten U, the unit chosen from the tree.
        admin.browser.findElement(By.id("user-name")).sendKeys("rina");
        admin.browser.findElement(By.id("user-password")).sendKeys("sandi-rina-1");
        grant(0, "evaluator", "kab-u");
        admin.screenshot("add");
        admin.browser.findElement(By.id("save-user")).click();
        grantsShown("rina", "evaluator@kab-u");
        assertTrue(admin.browser.findElement(By.id("users-status")).getText().contains("rina"));

        // Rina logs in and sees her region.
        evaluator.login(rapor.url("/"), "rina", "sandi-rina-1");
        assertEquals(List.of("kab-u"), regions());
        evaluator.screenshot("sees-kab-u");

        // The admin moves her grant to Kabupaten V: her session ends at once.
        admin.browser.findElement(By.cssSelector("button[data-edit='rina']")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#user-form h2"), "rina"));
        grant(0, "evaluator", "kab-v");
        admin.browser.findElement(By.id("save-user")).click();
        grantsShown("rina", "evaluator@kab-v");
        admin.screenshot("grant-moved");
        evaluator.browser.findElement(By.id("show-monitoring")).click();
        evaluator.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "Sesi Anda telah berakhir"));
        evaluator.screenshot("session-ended");
        evaluator.login(rapor.url("/"), "rina", "sandi-rina-1");
        assertEquals(List.of("kab-v"), regions(), "kab-u is no longer hers");

        // A refusal is shown beside the form, naming the field; then her password is reset.
        admin.browser.findElement(By.cssSelector("button[data-edit='rina']")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#user-form h2"), "rina"));
        admin.browser.findElement(By.id("user-password")).sendKeys("pendek");
        admin.browser.findElement(By.id("save-user")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#user-form .problem"), "password"));
        admin.screenshot("refused");
        WebElement password = admin.browser.findElement(By.id("user-password"));
        password.clear();
        password.sendKeys("sandi-rina-2");
        admin.browser.findElement(By.id("save-user")).click();
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users-status"), "rina"));
        assertEquals(401, rapor.get("/api/v1/units/kab-v", RaporDistribution.basic("rina", "sandi-rina-1")).statusCode());
        assertEquals(200, rapor.get("/api/v1/units/kab-v", RaporDistribution.basic("rina", "sandi-rina-2")).statusCode());

        // Removed, after a confirmation in place (the keyboard's focus on its safe choice first).
        admin.browser.findElement(By.cssSelector("button[data-delete='rina']")).click();
        WebElement yes = admin.shown(By.id("confirm-delete"));
        assertEquals("Batal", admin.browser.switchTo().activeElement().getText());
        admin.screenshot("confirm-delete");
        yes.click();
        admin.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-user='rina']")));
        assertFalse(rapor.command("rapor-user", Map.of(), "list")[1].contains("rina"), "gone from etc/users.properties too");

        new Select(admin.browser.findElement(By.id("lang"))).selectByValue("en");
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Users and their roles"));
        admin.screenshot("english");
        admin.noErrorInTheConsole();
        evaluator.noErrorInTheConsole();
    }

    /** The k-th grant row of the form: its role and unit. */
    private static void grant(int k, String role, String unit) {
        WebElement row = admin.browser.findElements(By.cssSelector("#user-grants > li")).get(k);
        new Select(row.findElement(By.name("role"))).selectByValue(role);
        new Select(row.findElement(By.name("unit"))).selectByValue(unit);
    }

    private static void grantsShown(String user, String grants) {
        admin.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr[data-user='" + user + "'] td.grants"), grants));
    }

    /** The regions the evaluator's monitoring page offers. */
    private static List<String> regions() {
        evaluator.browser.get(rapor.url("/#/monitor"));
        WebElement select = evaluator.shown(By.id("monitor-region"));
        return new Select(select).getOptions().stream().map(o -> o.getAttribute("value")).collect(Collectors.toList());
    }

    private static void everyControlHasALabel() {
        for (WebElement control : admin.browser.findElements(By.cssSelector("#user-form input, #user-form select"))) {
            String id = control.getAttribute("id");
            assertFalse(admin.browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), id + " has a label");
        }
    }
}
