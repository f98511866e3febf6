package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.rapor.exchange.sheet.Sheet;
import id.rapor.exchange.sheet.SheetReader;
import id.rapor.exchange.sheet.SheetWriter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Policy staff's tables over the API: a methodology's tables as JSON and as an Excel workbook,
 * the workbook edited and sent back as a revision (and refused, cell by cell, when it is wrong or
 * carries anything but data), and a revision's impact on the stored final assessments. Only
 * policy staff: an admin or an evaluator is refused (403).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyTablesIT extends StartedDistribution {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String POLICY = RaporDistribution.basic("siti", "sandi-kebijakan-1");
    private static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    private static final String EVALUATOR = RaporDistribution.basic("budi", "sandi-penilai-1");
    private static final String TABLES = "/api/v1/methodologies/pekppp-2022/tables";
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";

    @BeforeAll
    static void users() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan-1"), "add", "siti", "policy")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-penilai-1"), "add", "budi", "evaluator")[0]);
    }

    private static HttpResponse<byte[]> bytes(String path, String auth) throws Exception {
        return rapor.sendBytes(HttpRequest.newBuilder(URI.create(rapor.url(path))).header("Authorization", auth).GET());
    }

    private static HttpResponse<String> upload(byte[] workbook, String comment, String auth, String language) throws Exception {
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(REVISIONS + "?comment=" + comment))).header("Authorization", auth)
                .header("Content-Type", XLSX).header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofByteArray(workbook)));
    }

    /** The workbook's sheets with {@code edit} applied to the cells of one sheet. */
    private static byte[] edited(byte[] workbook, String sheet, java.util.function.Consumer<List<List<Object>>> edit) throws Exception {
        Map<String, Sheet> sheets = new SheetReader(5000, 1 << 26).readWorkbook(workbook);
        List<SheetWriter.Table> out = new ArrayList<>();
        for (var s : sheets.entrySet()) {
            List<List<Object>> rows = new ArrayList<>();
            for (var r : s.getValue().rows()) rows.add(new ArrayList<>(r.cells()));
            if (s.getKey().equals(sheet)) edit.accept(rows);
            out.add(new SheetWriter.Table(s.getKey(), s.getValue().header(), rows));
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SheetWriter.workbook(b, out);
        return b.toByteArray();
    }

    private static void set(List<List<Object>> rows, String code, int column, String value) {
        for (List<Object> r : rows) if (r.get(0).equals(code)) r.set(column, value);
    }

    @Test
    @Order(1)
    void onlyPolicyStaffReadTheTables() throws Exception {
        assertEquals(401, rapor.get(TABLES).statusCode());
        for (String other : List.of(ADMIN, EVALUATOR)) {
            assertEquals(403, rapor.get(TABLES, other).statusCode());
            assertEquals(403, bytes(TABLES + "?format=xlsx", other).statusCode());
            assertEquals(403, rapor.get(REVISIONS + "/0/impact?year=2024", other).statusCode());
            assertEquals(403, upload(new byte[] {1}, "x", other, "id").statusCode());
        }
        JsonNode tables = RaporDistribution.json(rapor.get(TABLES, POLICY));
        assertEquals(0, tables.get("revision").asInt());
        List<String> names = new ArrayList<>();
        tables.get("tables").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("aspects", "indicators", "options", "bands", "golden-cases", "provenance", "crosswalk-pekppp-2017"), names);
        JsonNode bands = tables.get("tables").get(3);
        assertEquals("[\"code\",\"label\",\"min\",\"max\"]", bands.get("columns").toString());
        assertEquals("[\"C\",\"Cukup\",\"2.51\",\"3.00\"]", bands.get("rows").get(4).get("cells").toString());
        assertTrue(bands.get("rows").get(4).get("line").asInt() > 5, "its line in bands.csv, after the comments");
        assertEquals(400, rapor.get(TABLES + "?format=pdf", POLICY).statusCode());
    }

    @Test
    @Order(2)
    void anEditedWorkbookIsAProposedRevisionAndItsGoldenCasesMoveWithIt() throws Exception {
        HttpResponse<byte[]> download = bytes(TABLES + "?format=xlsx", POLICY);
        assertEquals(200, download.statusCode());
        assertEquals(XLSX, download.headers().firstValue("Content-Type").orElse(""));
        byte[] workbook = download.body();
        // As it came: nothing to propose.
        HttpResponse<String> same = upload(workbook, "nothing", POLICY, "en");
        assertEquals(422, same.statusCode(), same.body());
        assertTrue(same.body().contains("invalid-tables") && same.body().contains("nothing differs"), same.body());
        byte[] moved = edited(workbook, "bands", rows -> {
            set(rows, "C", 2, "2.98");
            set(rows, "C-", 3, "2.97");
        });
        JsonNode rejected = RaporDistribution.json(upload(moved, "C%20from%202.98", POLICY, "id"));
        assertEquals("REJECTED", rejected.get("state").asText(), rejected.toString());
        assertTrue(rejected.get("goldenChanges").size() >= 3, rejected.toString());
        HttpResponse<String> accepted = rapor.post(REVISIONS + "/" + rejected.get("revision").asInt() + "/accept-golden", "", POLICY);
        assertEquals(201, accepted.statusCode(), accepted.body());
        int draft = RaporDistribution.json(accepted).get("revision").asInt();
        assertEquals("DRAFT", RaporDistribution.json(accepted).get("state").asText());
        // Only the changed rows changed: the diff is the two bands and the golden cases.
        JsonNode diff = RaporDistribution.json(rapor.get(REVISIONS + "/0/diff/" + draft, POLICY));
        List<String> files = new ArrayList<>();
        diff.get("changes").forEach(c -> files.add(c.get("file").asText() + " " + c.get("key").asText()));
        assertTrue(files.contains("methodology/bands.csv C") && files.contains("methodology/bands.csv C-"), files.toString());
        assertTrue(files.stream().allMatch(f -> f.startsWith("methodology/bands.csv") || f.startsWith("methodology/golden-cases.csv")), files.toString());
        // The revision's tables, downloaded again, are the same workbook: a round trip changes nothing.
        byte[] again = bytes(TABLES + "?format=xlsx&revision=" + draft, POLICY).body();
        JsonNode r = RaporDistribution.json(upload(again, "again", POLICY, "en"));
        assertEquals(draft, r.get("sameAs") == null ? -1 : r.get("sameAs").asInt(), r.toString());
    }

    @Test
    @Order(3)
    void aWrongWorkbookIsRefusedNamingEachSheetRowAndColumnInBothLanguages() throws Exception {
        byte[] workbook = bytes(TABLES + "?format=xlsx", POLICY).body();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SheetWriter.workbook(b, List.of(
                new SheetWriter.Table("rules", List.of("text"), List.of(List.of("rule \"x\" when then System.exit(0); end"))),
                new SheetWriter.Table("bands", List.of("code", "label", "minimum", "max"), List.of(List.of("A", "Prima", "4.51", "5", "extra")))));
        for (String language : List.of("en", "id")) {
            HttpResponse<String> r = upload(b.toByteArray(), "bad", POLICY, language);
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            JsonNode p = RaporDistribution.json(r);
            assertEquals("invalid-tables", p.get("type").asText().replaceAll(".*:", ""));
            List<String> fields = new ArrayList<>();
            p.get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertEquals(List.of("sheet rules", "sheet bands, row 1, column minimum", "sheet bands, row 1, column min", "sheet bands, row 2"), fields);
            String first = p.get("errors").get(0).get("message").asText();
            assertTrue(language.equals("en") ? first.contains("is not a table of this methodology") : first.contains("bukan tabel metodologi ini"), first);
        }
        HttpResponse<String> notAWorkbook = upload("code,label\n".getBytes(), "csv", POLICY, "en");
        assertEquals(422, notAWorkbook.statusCode(), notAWorkbook.body());
        assertTrue(notAWorkbook.body().contains("not an Excel workbook"), notAWorkbook.body());
        byte[] tooMany = edited(workbook, "bands", rows -> {
            for (int k = 0; k < 10_001; k++) rows.add(List.of("X" + k, "x", "0", "0")); // import.max.rows (10,000) per sheet
        });
        assertEquals(413, upload(tooMany, "many", POLICY, "en").statusCode());
        // Tables sent as JSON are checked the same way.
        HttpResponse<String> json = rapor.post(REVISIONS, "{\"comment\":\"x\",\"tables\":{\"rules\":{\"columns\":[\"text\"],\"rows\":[[\"rule\"]]}}}", POLICY);
        assertEquals(422, json.statusCode(), json.body());
        assertTrue(json.body().contains("\"tables.rules\""), json.body());
        assertEquals(400, rapor.post(REVISIONS, "{\"comment\":\"x\",\"tables\":{\"bands\":{\"rows\":[[1]]}}}", POLICY).statusCode());
    }

    @Test
    @Order(4)
    void theImpactOnTheStoredAssessmentsNamesTheUnitsWhoseBandChanges() throws Exception {
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"kab-k\",\"name\":\"Kabupaten K\",\"kind\":\"region\"}", ADMIN).statusCode());
        assertEquals(201, rapor.post("/api/v1/units", "{\"id\":\"dinas-k\",\"name\":\"Dinas K\",\"kind\":\"office\",\"parent\":\"kab-k\"}", ADMIN)
                .statusCode());
        long id = PolicyRecords.finalAssessment("dinas-k", ADMIN, rapor);
        int draft = RaporDistribution.json(rapor.get(REVISIONS, POLICY)).findValues("revision").stream()
                .mapToInt(JsonNode::asInt).max().orElseThrow();
        JsonNode impact = RaporDistribution.json(rapor.get(REVISIONS + "/" + draft + "/impact?year=2024", POLICY));
        assertEquals(1, impact.get("assessments").asInt(), impact.toString());
        JsonNode line = impact.get("changed").get(0);
        assertEquals("dinas-k", line.get("unit").asText());
        assertEquals(id, line.get("assessment").asLong());
        assertEquals("C", line.get("stored").get("band").asText());
        assertEquals("C-", line.get("new").get("band").asText());
        assertTrue(line.get("bandChanges").asBoolean());
        assertEquals(0, RaporDistribution.json(rapor.get(REVISIONS + "/" + draft + "/impact?year=2023", POLICY)).get("assessments").asInt());
        assertEquals(400, rapor.get(REVISIONS + "/" + draft + "/impact?year=x", POLICY).statusCode());
        assertEquals(404, rapor.get(REVISIONS + "/99/impact", POLICY).statusCode());
    }
}
