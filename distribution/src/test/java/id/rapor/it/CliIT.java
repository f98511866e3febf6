package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rapor.cli.RaporCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in process and as bin/rapor-cli, against the started distribution. */
class CliIT extends StartedDistribution {
    @TempDir
    static Path dir;
    /** docs/examples/pekppp-2022-assessment.json: 2.97, C. */
    private static Path example;

    private record Run(int code, String out, String err) {}

    @BeforeAll
    static void files() throws Exception {
        example = Files.writeString(dir.resolve("pekppp-2022-assessment.json"), Assessments.example().toString());
    }

    private static Run cli(String... args) {
        List<String> line = new ArrayList<>(List.of("--url", rapor.url("")));
        line.addAll(List.of(args));
        return run(line.toArray(String[]::new));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RaporCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run ok(String... args) {
        Run r = cli(args);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        return r;
    }

    @Test
    void methodologiesAndDeployments() {
        Run list = ok("methodologies");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("pekppp-2022      pekppp     2022–      2022.1.0  ACTIVE")), list.out());
        assertEquals(6, list.out().lines().count(), "a header and five methodologies");
        Run deployments = ok("deployments");
        assertTrue(deployments.out().contains("skm-2017         id.rapor.rules.skm-2017          2017.1.0   ACTIVE    2017.1.0"), deployments.out());
    }

    @Test
    void questionnaire() {
        Run q = ok("questionnaire", "ombudsman-2022");
        assertTrue(q.out().startsWith("ombudsman-2022 2022.1.0 — Ombudsman RI 2022"), q.out());
        String words = q.out().replaceAll(" +", " ");
        assertTrue(words.contains("\n A 88–100 Kualitas Tertinggi (Hijau)\n"), q.out());
        assertTrue(words.contains("\n input D1 100 0..100 Capaian dimensi Input"), q.out());
    }

    @Test
    void scoresAUnitByIdOrYearAsATableOrTheServersJson() throws Exception {
        Run score = ok("score", "pekppp-2022", example.toString());
        assertTrue(score.out().startsWith("Dinas Kependudukan dan Pencatatan Sipil (contoh): 2.97 C (Cukup)  [pekppp-2022 2022.1.0]"), score.out());
        assertTrue(score.out().contains("  2,97 berada pada rentang 2,51–3,00: C (Cukup)"), score.out());
        Run json = ok("--json", "score", "pekppp:2023", example.toString());
        assertEquals(rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).body(), json.out().strip(),
                "--json prints the server's answer as it is");
    }

    @Test
    void scoresARegionFromCsv() throws Exception {
        JsonNode answers = Assessments.example().get("answers");
        List<String> ids = new ArrayList<>();
        answers.properties().forEach(e -> ids.add(e.getKey()));
        // Dinas A answers as the example (2.97, C); "Dinas B, Kota" answers 5 throughout (5.00, A); Dinas C answers i02 with 9, no option.
        String csv = "unit," + String.join(",", ids)
                + "\nDinas A," + ids.stream().map(id -> answers.get(id).asText()).collect(Collectors.joining(","))
                + "\n\"Dinas B, Kota\"," + ids.stream().map(id -> "5").collect(Collectors.joining(","))
                + "\nDinas C," + ids.stream().map(id -> id.equals("i02") ? "9" : answers.get(id).asText()).collect(Collectors.joining(","));
        Path file = Files.writeString(dir.resolve("kab-contoh.csv"), csv);
        Run batch = cli("batch", "pekppp-2022", file.toString(), "--region", "Kab. Contoh", "--at-or-below", "C");
        assertEquals(1, batch.code(), "a unit was refused: a batch job must see it");
        assertEquals("rapor-cli: 1 of 3 units were refused and not scored (their errors are above)", batch.err().strip());
        assertTrue(batch.out().startsWith("Kab. Contoh: 3.99 B (Baik), 2 of 3 units scored (mean)  [pekppp-2022 2022.1.0]"), batch.out());
        assertTrue(batch.out().lines().anyMatch(l -> l.equals("at or below C: Dinas A")), batch.out());
        assertTrue(batch.out().contains("  Dinas B, Kota     5.00 A (Pelayanan Prima)"), batch.out());
        assertTrue(batch.out().contains("  Dinas C       not scored: row 4, column i02: "), batch.out());

        Run byYear = cli("--json", "batch", "pekppp:2024", file.toString());
        assertEquals(1, byYear.code(), byYear.err());
        JsonNode region = RaporDistribution.JSON.readTree(byYear.out());
        assertEquals("kab-contoh", region.get("region").asText(), "named after the file without --region");
        assertEquals("3.99", region.get("summary").get("score").decimalValue().toPlainString());

        Files.writeString(file, csv.substring(0, csv.lastIndexOf("\nDinas C")));
        assertTrue(ok("batch", "pekppp-2022", file.toString()).out().contains("2 of 2 units scored"), "every unit scored: exit 0");
    }

    @Test
    void aSurveysRespondentsAreRowsGroupedByTheirUnit() throws Exception {
        // examples/skm-2017-respondents.csv: Puskesmas Contoh's two respondents stand apart, with another unit between them.
        Run batch = ok("batch", "skm-2017", rapor.home.resolve("examples/skm-2017-respondents.csv").toString());
        assertTrue(batch.out().contains("2 of 2 units scored"), batch.out());
        ObjectNode survey = RaporDistribution.JSON.createObjectNode().put("unit", "Puskesmas Contoh");
        var respondents = survey.putArray("respondents");
        for (int[] r : new int[][] {{4, 4, 3, 3, 3, 3, 2, 2, 4}, {3, 3, 3, 3, 2, 2, 2, 2, 3}}) {
            ObjectNode one = respondents.addObject();
            for (int k = 0; k < r.length; k++) one.put("u" + (k + 1), r[k]);
        }
        String index = RaporDistribution.json(rapor.post("/api/v1/methodologies/skm-2017/score", survey.toString())).get("index").decimalValue().toPlainString();
        assertEquals("70.83", index);
        assertTrue(batch.out().contains("  Puskesmas Contoh    70.83 C"), "scored on both its respondents, as the API scores them:\n" + batch.out());
        assertTrue(batch.out().contains("  Puskesmas Lain     100.00 A"), batch.out());

        Path bad = Files.writeString(dir.resolve("skm-bad.csv"), "unit,U1,U2,U3,U4,U5,U6,U7,U8,U9\nPuskesmas A,4,4,4,4,4,4,4,4,4\nPuskesmas A,4,4,4,4,4,4,9,4,4\n");
        Run refused = cli("batch", "skm-2017", bad.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.out().contains("  Puskesmas A not scored: row 3, column U7: "), refused.out());
    }

    @Test
    void semicolonsDecimalCommasPrintedCodesAndBandsInAnyCase() throws Exception {
        // examples/ombudsman-2022-units.csv as an Indonesian spreadsheet saves it: unit;D1;D2;D3;D4 with 85,5.
        Path units = rapor.home.resolve("examples/ombudsman-2022-units.csv");
        String longName = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Contoh";
        Run batch = ok("batch", "ombudsman-2022", units.toString(), "--at-or-below", "c");
        assertTrue(batch.out().contains("at or below C: " + longName), batch.out());
        List<String> rows = batch.out().lines().filter(l -> l.startsWith("  Dinas")).toList();
        assertEquals(2, rows.size(), batch.out());
        assertEquals(rows.get(0).indexOf("81.81"), rows.get(1).indexOf("44.94"), "the numbers stay in one column:\n" + batch.out());

        Run csv = ok("batch", "ombudsman:2023", units.toString(), "--csv");
        assertEquals("unit;index;band;label;errors\nDinas A;81,81;B;Kualitas Tinggi;\n" + longName + ";44,94;D;Kualitas Rendah;\n",
                csv.out(), "written as it was read: semicolons and decimal commas");
        Path comma = Files.writeString(dir.resolve("ombudsman.csv"), "unit,D1,D2,D3,D4\n\"Dinas A, Kota\",90,85.5,80,70\nDinas C,50,50,50,101\n");
        Run quoted = cli("batch", "ombudsman-2022", comma.toString(), "--csv");
        assertEquals(1, quoted.code());
        assertTrue(quoted.out().startsWith("unit,index,band,label,errors\n\"Dinas A, Kota\",81.81,B,Kualitas Tinggi,\nDinas C,,,,\"row 3, column D4: "),
                "quoted where a cell holds a comma: " + quoted.out());

        Path compliance = Files.writeString(dir.resolve("ombudsman-2021.csv"), "unit,V1,V2,V3,V4,V5,V6,V7,V8,V9\nDinas K,60,60,60,60,60,60,60,60,60\n");
        Run kuning = ok("batch", "ombudsman-2021", compliance.toString(), "--at-or-below", "kuning");
        assertTrue(kuning.out().contains("at or below Kuning: Dinas K"), kuning.out());
        Run wrongColumns = cli("batch", "ombudsman-2021", units.toString());
        assertEquals(2, wrongColumns.code());
        assertTrue(wrongColumns.err().contains("column D1 is neither an indicator id nor a printed code of ombudsman-2021"), wrongColumns.err());
        Run band = cli("batch", "ombudsman-2022", units.toString(), "--at-or-below", "kuning");
        assertEquals(2, band.code());
        assertEquals("rapor-cli: --at-or-below kuning: ombudsman-2022 has no such band; its bands are A, B, C, D, E", band.err().strip());
    }

    @Test
    void refusalsAreExit1WithTheServersWords() throws Exception {
        Run unknown = cli("questionnaire", "pekppp-1999");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("rapor-cli: 404 Metodologi tidak dikenal: Tidak ada rule bundle yang mendefinisikan metodologi 'pekppp-1999'"), unknown.err());

        ObjectNode body = Assessments.example();
        ((ObjectNode) body.get("answers")).put("i99", 1);
        Path bad = Files.writeString(dir.resolve("i99.json"), body.toString());
        Run invalid = cli("score", "pekppp-2022", bad.toString());
        assertEquals(1, invalid.code());
        assertEquals("", invalid.out());
        assertTrue(invalid.err().startsWith("rapor-cli: 422 Penilaian tidak sah: "), invalid.err());
        assertTrue(invalid.err().contains("\n  answers.i99: indikator tidak dikenal"), invalid.err());

        Run year = cli("score", "ombudsman:1990", example.toString());
        assertEquals(1, year.code());
        assertTrue(year.err().contains("404 Tidak ada metodologi untuk tahun itu"), year.err());
    }

    @Test
    void wrongCommandLinesAndFilesAreExit2() {
        Run missing = cli("score", "pekppp-2022", dir.resolve("no-such.json").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("rapor-cli: no such file: "), missing.err());
        Run usage = cli("batch", "pekppp-2022");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("usage: rapor-cli [--url URL] [--json] COMMAND"), usage.err());
    }

    @Test
    void anUnreachableRaporIsExit1NamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run down = run("--url", "http://127.0.0.1:" + port, "methodologies");
        assertEquals(1, down.code());
        assertTrue(down.err().startsWith("rapor-cli: Rapor unreachable: http://127.0.0.1:" + port + "/api/v1/methodologies"), down.err());
    }

    @Test
    void binRaporCliRunsAsShipped() throws Exception {
        String[] run = rapor.command("rapor-cli", Map.of("RAPOR_URL", rapor.url("")), "methodologies");
        assertEquals("0", run[0], run[1]);
        assertTrue(run[1].contains("skm-2017"), run[1]);
        String[] batch = rapor.command("rapor-cli", Map.of("RAPOR_URL", rapor.url("")), "batch", "ombudsman-2022",
                rapor.home.resolve("examples/ombudsman-2022-units.csv").toString(), "--csv");
        assertEquals("0", batch[0], "lib/ holds what reads CSV: " + batch[1]);
        assertTrue(batch[1].startsWith("unit;index;band;label;errors"), batch[1]);
        String[] bad = rapor.command("rapor-cli", Map.of(), "nonsense");
        assertEquals("2", bad[0], bad[1]);
    }
}
