package id.rapor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole command lines against a stand-in server: what is printed, where, and the exit code. */
class RaporCliTest {
    private static final String DEPLOYMENTS = "[{\"methodology\":\"pekppp-2022\",\"bundle\":\"id.rapor.rules.pekppp-2022\",\"version\":\"2022.2.0\","
            + "\"state\":\"REJECTED\",\"servedVersion\":\"2022.1.0\",\"time\":null,"
            + "\"errors\":[{\"file\":\"rules/index.drl\",\"line\":12,\"column\":3,\"message\":\"unknown type Sistem\"}]}]";
    private static final String PROBLEM = "{\"type\":\"urn:rapor:problem:invalid-assessment\",\"title\":\"Invalid assessment\",\"status\":422,"
            + "\"detail\":\"The answers do not fit the methodology's questionnaire; nothing was scored.\",\"instance\":\"/x\","
            + "\"errors\":[{\"field\":\"answers.i99\",\"message\":\"unknown indicator\"}]}";

    private HttpServer server;
    private String url;
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private volatile String lastQuery;

    private static String resource(String name) throws java.io.IOException {
        try (var in = RaporCliTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/deployments", x -> reply(x, 200, DEPLOYMENTS));
        server.createContext("/api/v1/methodologies/pekppp-2022/score", x -> reply(x, 422, PROBLEM));
        server.createContext("/api/v1/monitoring", x -> {
            lastQuery = x.getRequestURI().getRawQuery();
            reply(x, 200, resource("monitoring.json"));
        });
        server.createContext("/api/v1/units/kab-bnr/history", x -> {
            lastQuery = x.getRequestURI().getRawQuery();
            reply(x, 200, resource("history.json"));
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, int status, String body) throws java.io.IOException {
        x.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static Run cli(String environmentUrl, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RaporCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environmentUrl);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonIsTheServersOwnText() {
        Run run = cli(url, "--json", "deployments");
        assertEquals(0, run.code(), run.err());
        assertEquals(DEPLOYMENTS + System.lineSeparator(), run.out());
    }

    @Test
    void aTableOtherwiseWithTheRuleErrors() {
        Run run = cli(null, "deployments", "--url", url);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("pekppp-2022      id.rapor.rules.pekppp-2022       2022.2.0   REJECTED  2022.1.0"), run.out());
        assertTrue(run.out().contains("    rules/index.drl:12:3: unknown type Sistem"), run.out());
    }

    @Test
    void aRefusalIsExit1WithTheFieldsOnStderr() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{\"unit\":\"u\",\"answers\":{\"i99\":1}}");
        Run run = cli(url, "score", "pekppp-2022", file.toString());
        assertEquals(1, run.code());
        assertEquals("", run.out());
        assertEquals("rapor-cli: 422 Invalid assessment: The answers do not fit the methodology's questionnaire; nothing was scored.\n"
                + "  answers.i99: unknown indicator" + System.lineSeparator(), run.err());
    }

    @Test
    void noServerIsExit1NamingTheUrl() {
        server.stop(0);
        Run run = cli(url, "methodologies");
        assertEquals(1, run.code());
        assertTrue(run.err().startsWith("rapor-cli: Rapor unreachable: " + url + "/api/v1/methodologies"), run.err());
    }

    @Test
    void aWrongCommandLineIsExit2WithTheUsage() {
        Run run = cli(url, "score", "pekppp-2022");
        assertEquals(2, run.code());
        assertTrue(run.err().startsWith("rapor-cli: usage: rapor-cli score ID|FAMILY:YEAR ASSESSMENT.json (got 1 argument(s))"), run.err());
        assertTrue(run.err().contains("batch ID|FAMILY:YEAR UNITS.csv [--region NAME] [--at-or-below BAND]"), run.err());
        assertEquals(2, cli(url).code());
        assertEquals(2, cli("not a url", "methodologies").code());
    }

    @Test
    void aWrongFileIsExit2WithoutTalkingToRapor() {
        Run run = cli(url, "batch", "pekppp-2022", dir.resolve("units.csv").toString());
        assertEquals(2, run.code());
        assertEquals("rapor-cli: no such file: " + dir.resolve("units.csv") + System.lineSeparator(), run.err());
    }

    @Test
    void theRoundsViewIsATableBestFirstWithTheChangeOfMethodBesideTheChange() {
        Run run = cli(url, "monitoring", "--region", "prov-kaltim", "--year", "2022", "--family", "ombudsman", "--at-or-below", "C");
        assertEquals(0, run.code(), run.err());
        assertEquals("region=prov-kaltim&year=2022&family=ombudsman&atOrBelow=C", lastQuery);
        String n = System.lineSeparator();
        assertTrue(run.out().startsWith("Provinsi Kalimantan Timur (prov-kaltim), ombudsman 2022  [ombudsman-2022 2022.1.0]" + n
                + "index 75.00 C (Kualitas Sedang, Kuning): the mean of 2 of 4 units" + n
                + "previous round 2021: 85.00 Hijau, change -10.00 (-11.76%)  methodology changed: ombudsman-2021 2021.1.0 -> ombudsman-2022 2022.1.0" + n
                + "units per band: A 0, B 1, C 1, D 0, E 0" + n
                + "not entered: bpp-dpmptsp" + n
                + "below the index: bontang-dpmptsp" + n
                + "at or below C (Prioritas Pembinaan): bontang-dpmptsp" + n
                + "region kota-bontang: 70.00 C, 1 of 1 units scored" + n), run.out());
        assertTrue(run.out().contains("RANK UNIT              INDEX BAND   ROLE         SELF    EVAL   VERIF     GAP VS        2021 CHANGE" + n
                + "1    smd-dpmptsp       80.00 B      verifier    82.50   79.00   80.00    3.50 above" + n
                + "2    bontang-dpmptsp   70.00 C      verifier                    70.00         below    85.00 -15.00 (-17.65%)  "
                + "methodology changed: ombudsman-2021 2021.1.0 -> ombudsman-2022 2022.1.0" + n
                + "-    bpp-dpmptsp     not-entered" + n
                + "-    ktk-dpmptsp     pending" + n), run.out());
    }

    @Test
    void aRegionsHistoryRoundByRound() {
        Run run = cli(url, "history", "kab-bnr", "--family", "ombudsman");
        assertEquals(0, run.code(), run.err());
        assertEquals("family=ombudsman", lastQuery);
        String n = System.lineSeparator();
        assertEquals("Kabupaten Banjarnegara (kab-bnr), ombudsman: the index of its units, round by round" + n
                + "YEAR  METHODOLOGY                      INDEX BAND   SCORED       CHANGE" + n
                + "2023  ombudsman-2022 2022.1.0          93.16 A      2 units" + n
                + "2024  ombudsman-2022 2022.1.0          95.23 A      2 units      +2.07 (+2.22%)" + n, run.out());
    }

    @Test
    void theRoundsViewNeedsARegionAYearAndAFamilyOrMethodology() {
        assertTrue(cli(url, "monitoring", "--year", "2022", "--family", "ombudsman").err().contains("--region is missing"));
        assertTrue(cli(url, "monitoring", "--region", "r", "--year", "2022").err().contains("--family or --methodology is missing"));
        Run year = cli(url, "monitoring", "--region", "r", "--year", "dua", "--family", "ombudsman");
        assertEquals(2, year.code());
        assertTrue(year.err().contains("--year takes a year such as 2024, not 'dua'"), year.err());
        assertEquals(2, cli(url, "history", "kab-bnr").code());
    }

    @Test
    void helpIsExit0OnStdout() {
        Run run = cli(url, "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("usage: rapor-cli [--url URL] [--json] COMMAND"), run.out());
    }
}
