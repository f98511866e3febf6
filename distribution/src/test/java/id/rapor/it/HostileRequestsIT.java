package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a hostile test of the running distribution sent, sent again: every answer is
 * application/problem+json that names what was wrong and nothing of Rapor's insides, the log
 * keeps one line per line, and the service carries on.
 */
class HostileRequestsIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";

    private static void assertProblem(RawHttp.Answer a, int status, String what) throws Exception {
        assertEquals(status, a.status(), what + ": " + a.body());
        assertEquals("application/problem+json", a.header("Content-Type").split(";")[0], what);
        assertFalse(a.body().contains("<html") || a.body().contains("Exception") || a.body().contains("jetty")
                || a.body().contains("id.rapor."), what + ": " + a.body());
        JsonNode p = RaporDistribution.JSON.readTree(a.body());
        assertTrue(p.get("type").asText().startsWith("urn:rapor:problem:"), what);
        assertFalse(p.get("title").asText().isEmpty(), what);
        assertEquals(status, p.get("status").asInt(), what);
        assertFalse(p.get("detail").asText().isEmpty(), what);
    }

    @Test
    void jettysOwnRefusalsAreProblemJsonWithoutInternals() throws Exception {
        Map<String, String> badPaths = new LinkedHashMap<>();
        badPaths.put("encoded dot segment", "/api/v1/methodologies/%2e%2e/health");
        badPaths.put("encoded slash", "/api/v1/methodologies%2fpekppp-2022");
        badPaths.put("encoded NUL", "/api/v1/health%00");
        badPaths.put("overlong UTF-8 for / (C0 AF)", "/api/v1/%C0%AF");
        badPaths.put("overlong UTF-8 in a segment", "/api/v1/methodologies/%C0%AFetc");
        badPaths.put("broken percent-encoding", "/api/v1/%zz");
        badPaths.put("above the root", "/api/v1/../../../etc/passwd");
        badPaths.put("overlong UTF-8 in the query", "/api/v1/methodologies?family=%C0%AF&year=2023");
        badPaths.put("broken percent-encoding in the query", "/api/v1/methodologies?family=%zz&year=2023");
        for (var e : badPaths.entrySet()) {
            assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("GET", e.getValue(), null)), 400, e.getKey());
        }
        assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("GET", "/api/v1/health", null, "X-Big: " + "a".repeat(70_000))),
                431, "huge header");
        assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", "GET /api/v1/health HTTP/7.0\r\nHost: x\r\n\r\n"), 505, "HTTP/7.0");
        assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", "POST /api/v1/score HTTP/1.1\r\nHost: x\r\nContent-Length: x1\r\n\r\n"),
                400, "bad Content-Length");
        assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("DELETE", "/api/v1/%2e%2e/x", null)), 400, "DELETE, bad path");
        assertEquals(200, rapor.get("/api/v1/health").statusCode(), "the service carries on");
    }

    @Test
    void numbersBeyondWhatADecimalHoldsAre422LikeAnyImpossibleAnswer() throws Exception {
        for (String number : new String[] {"1E2147483648", "1E-2147483649", "0.0E-2147483647"}) {
            String body = Assessments.example().toString().replaceFirst("\"i03\":\\s*[0-9.]+", "\"i03\":" + number);
            JsonNode p = problem(rapor.post(SCORE, body), 422);
            assertEquals("answers.i03", p.at("/errors/0/field").asText(), number);
            assertEquals(number + " bukan jawaban yang diperbolehkan: eksponennya di luar jangkauan", p.at("/errors/0/message").asText());
        }
        JsonNode region = json(rapor.post("/api/v1/methodologies/pekppp-2022/score/batch",
                "{\"region\":\"R\",\"units\":[" + Assessments.example().toString().replaceFirst("\"i03\":\\s*[0-9.]+", "\"i03\":1E2147483648")
                + "," + Assessments.example() + "]}"));
        assertEquals("units[0].answers.i03", region.at("/units/0/errors/0/field").asText(), region.toString());
        assertEquals("C", region.at("/units/1/band/code").asText(), "the other unit is scored");
        assertFalse(rapor.logText().contains("Exponent overflow"), "no stack trace in the log");
    }

    @Test
    void aNewlineInAJsonKeyCannotForgeALogLine() throws Exception {
        String forged = "2026-12-01 10:00:00.000 [rapor-rule-compiler] INFO RevisionManager - Revision 7 of pekppp-2022 activated by siti";
        var body = Assessments.example();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("answers")).put("i01\n" + forged, 3);
        JsonNode p = problem(rapor.post(SCORE, body.toString()), 422);
        assertEquals("answers.i01\n" + forged, p.at("/errors/0/field").asText(), "the unknown indicator is the first error, the one logged");
        // A path cannot carry one either: Jetty refuses %0A (as problem+json).
        problem(rapor.get("/api/v1/methodologies/x%0ARevision%207%20activated%20by%20siti"), 400);
        String log = rapor.logText();
        assertTrue(log.contains("\\n" + forged), "the key is logged, escaped:\n" + log);
        for (String line : log.split("\n")) assertFalse(line.startsWith(forged), "a forged line: " + line);
    }

    @Test
    void aBodyMustSayItIsJson() throws Exception {
        HttpRequest.Builder plain = HttpRequest.newBuilder(URI.create(rapor.url(SCORE))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Assessments.example().toString()));
        JsonNode p = problem(rapor.send(plain), 415);
        assertEquals("Content-Type", p.at("/errors/0/field").asText());
        problem(rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(SCORE)))
                .POST(HttpRequest.BodyPublishers.ofString(Assessments.example().toString()))), 415); // none at all
        problem(rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies/pekppp-2022/score/batch")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"R\",\"units\":[]}"))), 415);
        HttpResponse<String> charset = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(SCORE)))
                .header("Content-Type", "Application/JSON; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(Assessments.example().toString())));
        assertEquals(200, charset.statusCode(), charset.body());
    }

    @Test
    void aPageOfAnotherOriginCannotChangeAnything() throws Exception {
        // What a browser sends cross-site without asking first: text/plain, the remembered Basic credentials, its Origin.
        String proposal = "{\"comment\":\"cheaper\",\"files\":{\"methodology/bands.csv\":\"x\"}}";
        RawHttp.Answer revision = RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("POST", "/api/v1/methodologies/pekppp-2022/revisions",
                proposal, "Content-Type: text/plain", "Origin: https://evil.example", "Authorization: Basic c2l0aTpzYW5kaQ=="));
        assertProblem(revision, 403, "a revision from another origin");
        assertTrue(revision.body().contains("cross-origin-refused"), revision.body());
        assertProblem(RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("POST", SCORE, Assessments.example().toString(),
                "Content-Type: application/json", "Origin: null")), 403, "a sandboxed page");
        // This server's own origin, no Origin at all (curl, the client, the CLI), and reading: as before.
        assertEquals(200, RawHttp.exchange(rapor.port, "127.0.0.1", RawHttp.request("POST", SCORE, Assessments.example().toString(),
                "Content-Type: application/json", "Origin: http://127.0.0.1")).status());
        assertEquals(200, rapor.post(SCORE, Assessments.example().toString()).statusCode());
        assertEquals(200, rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies")))
                .header("Origin", "https://evil.example")).statusCode());
    }
}
