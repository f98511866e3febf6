package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.cli.RaporCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, in process and as bin/rapor-cli, against the started distribution. */
class CliIT extends StartedDistribution {

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RaporCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "http://127.0.0.1:" + rapor.port);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsDescribesAndScores() throws Exception {
        Run list = cli("methodologies");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("pekppp-2022") && list.out().contains("2022-"), list.out());
        Run q = cli("questionnaire", "ombudsman-2022");
        assertTrue(q.out().contains("Kualitas Tertinggi (Hijau)"), q.out());
        Path example = Path.of("../docs/examples/pekppp-2022-assessment.json");
        Run score = cli("score", "pekppp-2022", example.toString());
        assertEquals(0, score.code(), score.err());
        assertTrue(score.out().startsWith("Dinas Kependudukan dan Pencatatan Sipil (contoh): 2.97 C (Cukup)  [pekppp-2022 2022.1.0]"), score.out());
        Run json = cli("--json", "score", "pekppp:2023", example.toString());
        assertTrue(json.out().contains("\"index\": 2.97"), json.out());
    }

    @Test
    void scoresARegionFromCsv(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("unit");
        for (int k = 1; k <= 31; k++) csv.append(String.format(",i%02d", k));
        for (String unit : List.of("Dinas A,5", "Dinas B,3", "\"Dinas C, Kota\",2")) {
            int comma = unit.lastIndexOf(',');
            csv.append('\n').append(unit, 0, comma);
            for (int k = 1; k <= 31; k++) csv.append(',').append(unit.substring(comma + 1));
        }
        Path file = dir.resolve("units.csv");
        Files.writeString(file, csv.toString());
        Run batch = cli("batch", "pekppp-2022", file.toString(), "--region", "Kab. Contoh", "--at-or-below", "C");
        assertEquals(0, batch.code(), batch.err());
        assertTrue(batch.out().startsWith("Kab. Contoh: 3.33 B-, 3 of 3 units scored (mean)"), batch.out());
        assertTrue(batch.out().contains("at or below C: Dinas B, Dinas C, Kota"), batch.out());
    }

    @Test
    void errorsAreClearAndTheExitCodeSaysWhose() throws Exception {
        Run unknown = cli("questionnaire", "pekppp-1999");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().startsWith("rapor-cli: 404 Unknown methodology"), unknown.err());
        Run missing = cli("score", "pekppp-2022", "/no/such/file.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void binRaporCliRunsAsShipped() throws Exception {
        String[] run = rapor.command("rapor-cli", Map.of("RAPOR_URL", "http://127.0.0.1:" + rapor.port), "methodologies");
        assertEquals("0", run[0], run[1]);
        assertTrue(run[1].contains("skm-2017"), run[1]);
        String[] bad = rapor.command("rapor-cli", Map.of(), "nonsense");
        assertEquals("2", bad[0], bad[1]);
    }
}
