package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Report cards from the real distribution over HTTP: the PDF rendered to an image by poppler's
 * pdftoppm (a real A4 page with ink on it) and read back by pdftotext (the unit, its index and
 * band); the workbook; who may have one (403, audited); bad input as problem+json. The round: the
 * README's 2.97 C unit (upp-a1, final), upp-b1 entering nothing; and the example data.
 */
class ReportCardIT {
    private static final String ADMIN = RecordsScenarios.ADMIN;
    private static final String OPD = RecordsScenarios.OPD;
    private static final String EVALUATOR = RecordsScenarios.EVALUATOR;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static RaporDistribution rapor;
    private static Path work;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(RecordsScenarios::recordEveryRefusal);
        RecordsScenarios.users(rapor);
        work = Files.createTempDirectory("rapor-report-it-");
        long self = RecordsScenarios.created(rapor.post("/api/v1/units/upp-a1/assessments", RecordsScenarios.entry("self", 2024, null), OPD))
                .get("id").asLong();
        RecordsScenarios.ok(rapor.post("/api/v1/assessments/" + self + "/submit", "", OPD));
        RecordsScenarios.ok(rapor.post("/api/v1/assessments/" + self + "/finalize", "", RecordsScenarios.VERIFIER));
        String[] loaded = rapor.command("rapor-cli", Map.of("RAPOR_URL", rapor.url(""), "RAPOR_USER", "admin", "RAPOR_PASSWORD", "sandi-admin-1"),
                "load-examples");
        assertEquals("0", loaded[0], loaded[1]);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
        rapor = null;
    }

    private static HttpResponse<byte[]> report(String path, String authorization, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Authorization", authorization);
        for (int i = 0; i < headers.length; i += 2) r.header(headers[i], headers[i + 1]);
        return java.net.http.HttpClient.newHttpClient().send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A PDF answer: its first page rendered (a real A4 page with text and a chart on it) and its text as pdftotext reads it. */
    private static String readable(HttpResponse<byte[]> r, String name) throws Exception {
        return readable(r, name, 0.01);
    }

    /** {@code minInk}: the least share of dark pixels (a card that only says it is empty has little). */
    private static String readable(HttpResponse<byte[]> r, String name, double minInk) throws Exception {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename="));
        Path pdf = work.resolve(name + ".pdf");
        Files.write(pdf, r.body());
        run("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf.toString(), work.resolve(name).toString());
        BufferedImage page = ImageIO.read(work.resolve(name + "-1.png").toFile());
        assertEquals(413, page.getWidth(), 2, "A4 at 50 dpi");
        assertEquals(585, page.getHeight(), 2, "A4 at 50 dpi");
        long dark = 0;
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) dark++;
            }
        }
        double share = (double) dark / (page.getWidth() * page.getHeight());
        assertTrue(share > minInk && share < 0.5, "a page with text and a chart on white: " + share);
        Path text = work.resolve(name + ".txt");
        run("pdftotext", "-layout", pdf.toString(), text.toString());
        return Files.readString(text);
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }

    private static String squeezed(String text) {
        return text.replaceAll("[ \\t]+", " ");
    }

    @Test
    void theReadmeUnitsReportCardReadsAsPublished() throws Exception {
        String id = squeezed(readable(report("/api/v1/units/upp-a1/report?year=2024&family=pekppp", OPD), "upp-a1"));
        assertTrue(id.contains("Rapor UPP A1"), id);
        assertTrue(id.contains("Indeks 2,97: C (Cukup)"), id);
        assertTrue(id.contains("pekppp-2022 versi 2022.1.0"), id);
        assertTrue(id.contains("Untuk mencapai B- (Baik dengan Catatan)"), id); // the planner's advice
        assertTrue(id.contains("Belum ada nilai resmi pada putaran sebelumnya."), id);
        String en = squeezed(readable(report("/api/v1/units/upp-a1/report?year=2024&family=pekppp&format=pdf", OPD, "Accept-Language", "en"), "upp-a1-en"));
        assertTrue(en.contains("Index 2.97: C (Cukup)"), en);
        assertTrue(en.contains("To reach B- (Baik dengan Catatan)"), en);
    }

    @Test
    void theExampleDataShowsBanjarnegarasChange() throws Exception {
        String t = squeezed(readable(report("/api/v1/units/contoh-pemkab-banjarnegara/report?year=2024&family=ombudsman", ADMIN,
                "Accept-Language", "en"), "bnr"));
        assertTrue(t.contains("Pemerintah Kabupaten Banjarnegara (data contoh)"), t);
        assertTrue(t.contains("Index 95.23: A"), t);
        assertTrue(t.contains("93.16 A (Kualitas Tertinggi) → 95.23 A (Kualitas Tertinggi): +2.07 (+2.22%)"), t);
        // The PEKPPP round: the evaluator's 4.56 is official, the self-assessment's 2.97 beside it.
        String pekppp = squeezed(readable(report("/api/v1/units/contoh-pemkab-banjarnegara/report?year=2024&family=pekppp", ADMIN), "bnr-pekppp"));
        assertTrue(pekppp.contains("Indeks 4,56: A"), pekppp);
        assertTrue(pekppp.contains("mandiri 2,97"), pekppp);
        assertTrue(pekppp.contains("evaluator 4,56"), pekppp);
        // The region's report of Banjarnegara reads as published: 95.23, up 2.07 (2.22%) from 93.16.
        String region = squeezed(readable(report("/api/v1/monitoring/report?region=contoh-kab-banjarnegara&year=2024&family=ombudsman", ADMIN,
                "Accept-Language", "en"), "bnr-region"));
        assertTrue(region.contains("95.23"), region);
        assertTrue(region.contains("+2.07 (+2.22%)"), region);
    }

    @Test
    void theRegionsReport() throws Exception {
        String t = squeezed(readable(report("/api/v1/monitoring/report?region=kab-a&year=2024&family=pekppp", EVALUATOR), "kab-a"));
        assertTrue(t.contains("Laporan wilayah Kabupaten A"), t);
        assertTrue(t.contains("Indeks wilayah: 2,97 C (Cukup), rata-rata 1 dari 2 unit"), t);
        assertTrue(t.contains("UPP B1 (upp-b1)"), t); // not entered
        assertTrue(t.contains("Pada atau di bawah C (Cukup) (Prioritas Pembinaan)"), t);
        assertTrue(t.contains("UPP A1 (upp-a1)"), t);
    }

    @Test
    void workbooksByFormatOrAccept() throws Exception {
        for (HttpResponse<byte[]> r : java.util.List.of(
                report("/api/v1/units/upp-a1/report?year=2024&family=pekppp&format=xlsx", OPD),
                report("/api/v1/units/upp-a1/report?year=2024&family=pekppp", OPD, "Accept", XLSX),
                report("/api/v1/monitoring/report?region=kab-a&year=2024&family=pekppp&format=xlsx", EVALUATOR))) {
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(XLSX, r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().length > 1000 && r.body()[0] == 'P' && r.body()[1] == 'K', "a workbook is a zip");
        }
    }

    @Test
    void onlyWhoMayReadTheUnitOrRegionGetsItsReportAuditedOtherwise() throws Exception {
        assertProblem(report("/api/v1/units/upp-b1/report?year=2024&family=pekppp", OPD), 403, null);
        assertProblem(report("/api/v1/monitoring/report?region=kab-a&year=2024&family=pekppp", OPD), 403, null);
        assertEquals(401, report("/api/v1/units/upp-a1/report?year=2024&family=pekppp", "Basic eDp5").statusCode());
        String trail = Files.readString(rapor.home.resolve("data/audit.jsonl"));
        assertTrue(trail.contains("report.unit") && trail.contains("upp-b1"), "the refusal is audited");
        assertTrue(trail.contains("report.region"), "the refusal is audited");
    }

    @Test
    void badInputIsAPreciseProblem() throws Exception {
        assertProblem(report("/api/v1/units/tidak-ada/report?year=2024&family=pekppp", ADMIN), 404, "unit");
        assertProblem(report("/api/v1/units/upp-a1/report?year=2024&family=pekppp&format=docx", ADMIN), 400, "format");
        assertProblem(report("/api/v1/units/upp-a1/report?family=pekppp", ADMIN), 400, "year");
        assertProblem(report("/api/v1/units/upp-a1/report?year=dua&family=pekppp", ADMIN), 400, "year");
        assertProblem(report("/api/v1/units/upp-a1/report?year=2024", ADMIN), 400, "family");
        assertProblem(report("/api/v1/units/upp-a1/report?year=1990&family=pekppp", ADMIN), 404, null);
        assertProblem(report("/api/v1/units/upp-a1/report?year=2024&methodology=tidak-ada", ADMIN), 404, null);
        assertProblem(report("/api/v1/monitoring/report?year=2024&family=pekppp", ADMIN), 400, "region");
        assertProblem(report("/api/v1/monitoring/report?region=tidak-ada&year=2024&family=pekppp", ADMIN), 404, "region");
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-kosong\",\"name\":\"Kabupaten Kosong\",\"kind\":\"region\"}", ADMIN).statusCode());
        assertProblem(report("/api/v1/monitoring/report?region=kab-kosong&year=2024&family=pekppp", ADMIN), 422, "region");
        // A round with no official score: a report that says so, nothing divided by zero.
        String card = squeezed(readable(report("/api/v1/units/upp-b1/report?year=2024&family=pekppp", ADMIN), "upp-b1", 0.002));
        assertTrue(card.contains("Belum ada nilai resmi (penilaian final) untuk pekppp tahun 2024."), card);
        String region = squeezed(readable(report("/api/v1/monitoring/report?region=kab-a&year=2022&family=pekppp", ADMIN, "Accept-Language", "en"),
                "kab-a-2022", 0.002));
        assertTrue(region.contains("No unit has an official score (a final assessment) in round pekppp 2022 yet."), region);
    }

    @Test
    void theClientAndTheCommandLineSaveReports() throws Exception {
        id.rapor.client.RaporClient client = id.rapor.client.RaporClient.builder().baseUrl(rapor.url("")).credentials("penilai", "sandi-penilai-1").build();
        byte[] card = client.unitReport("upp-a1", "pekppp", 2024, "pdf", "en");
        assertTrue(new String(card, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
        byte[] region = client.regionReport("kab-a", "pekppp", 2024, "xlsx", null);
        assertTrue(region[0] == 'P' && region[1] == 'K', "a workbook");
        id.rapor.client.RaporException refused = org.junit.jupiter.api.Assertions.assertThrows(id.rapor.client.RaporException.class,
                () -> client.unitReport("upp-a1", "pekppp", 2024, "docx", null));
        assertEquals(400, refused.status());

        Map<String, String> env = Map.of("RAPOR_URL", rapor.url(""), "RAPOR_USER", "penilai", "RAPOR_PASSWORD", "sandi-penilai-1");
        Path pdf = work.resolve("cli-upp-a1.pdf");
        String[] saved = rapor.command("rapor-cli", env, "report", "--unit", "upp-a1", "--year", "2024", "--family", "pekppp", "--out", pdf.toString());
        assertEquals("0", saved[0], saved[1]);
        assertTrue(saved[1].contains("wrote " + pdf), saved[1]);
        run("pdftotext", pdf.toString(), work.resolve("cli-upp-a1.txt").toString());
        assertTrue(squeezed(Files.readString(work.resolve("cli-upp-a1.txt"))).contains("Indeks 2,97: C (Cukup)"));
        Path xlsx = work.resolve("cli-kab-a.xlsx");
        String[] region2 = rapor.command("rapor-cli", env, "region-report", "--region", "kab-a", "--year", "2024", "--family", "pekppp",
                "--out", xlsx.toString());
        assertEquals("0", region2[0], region2[1]);
        byte[] written = Files.readAllBytes(xlsx);
        assertTrue(written[0] == 'P' && written[1] == 'K', "a workbook by the file's extension");
        String[] bad = rapor.command("rapor-cli", env, "report", "--unit", "upp-a1", "--year", "2024", "--family", "pekppp",
                "--out", pdf.toString(), "--format", "docx");
        assertTrue(!bad[0].equals("0") && bad[1].contains("--format is pdf or xlsx"), bad[1]);
    }

    private static void assertProblem(HttpResponse<byte[]> r, int status, String field) throws Exception {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(status, r.statusCode(), body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), body);
        if (field == null) return;
        JsonNode p = RaporDistribution.JSON.readTree(body);
        boolean named = false;
        for (JsonNode e : p.path("errors")) named |= e.get("field").asText().equals(field);
        assertTrue(named, "the problem names " + field + ": " + body);
    }
}
