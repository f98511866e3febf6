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

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/deployments", x -> reply(x, 200, DEPLOYMENTS));
        server.createContext("/api/v1/methodologies/pekppp-2022/score", x -> reply(x, 422, PROBLEM));
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
    void helpIsExit0OnStdout() {
        Run run = cli(url, "--help");
        assertEquals(0, run.code());
        assertTrue(run.out().startsWith("usage: rapor-cli [--url URL] [--json] COMMAND"), run.out());
    }
}
