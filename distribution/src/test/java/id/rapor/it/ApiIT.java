package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Every API v1 endpoint and every error case, over HTTP against the started distribution. */
class ApiIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";



    @Test
    void startupLogIsReadableAndPrintsTheUrl() throws Exception {
        String log = rapor.logText();
        assertTrue(log.contains("Rapor is ready in "), log);
        assertTrue(log.contains("http://127.0.0.1:" + rapor.port + "/api/v1"), log);
        for (String id : List.of("pekppp-2017", "pekppp-2022", "ombudsman-2021", "ombudsman-2022", "skm-2017")) {
            assertTrue(log.contains("Rule bundle id.rapor.rules." + id + " "), log);
        }
        assertFalse(log.contains("rejected"), log);
        assertFalse(log.contains("No SLF4J providers"), "SLF4J must have its provider before anything logs:\n" + log);
        assertFalse(log.contains("Exception"), log);
    }

    @Test
    void health() throws Exception {
        HttpResponse<String> r = rapor.get("/api/v1/health");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode h = json(r);
        assertEquals("UP", h.get("status").asText());
        assertEquals(5, h.at("/methodologies/active").asInt());
        assertEquals(0, h.at("/ruleBundles/pending").asInt());
    }

    @Test
    void listsMethodologies() throws Exception {
        JsonNode list = json(rapor.get("/api/v1/methodologies"));
        assertEquals(List.of("ombudsman-2021", "ombudsman-2022", "pekppp-2017", "pekppp-2022", "skm-2017"),
                StreamSupport.stream(list.spliterator(), false).map(x -> x.get("id").asText()).toList());
        JsonNode m = list.get(3);
        assertEquals(List.of("id", "title", "regulation", "year", "version", "status", "family", "years"), fields(m));
        assertEquals("pekppp-2022", m.get("id").asText());
        assertEquals(2022, m.get("year").asInt());
        assertEquals("2022.1.0", m.get("version").asText());
        assertEquals("ACTIVE", m.get("status").asText());
        assertTrue(m.get("regulation").asText().contains("PermenPANRB 29/2022"));
    }

    @Test
    void describesTheQuestionnaire() throws Exception {
        JsonNode m = json(rapor.get("/api/v1/methodologies/pekppp-2022"));
        assertEquals("pekppp-2022", m.get("id").asText());
        assertEquals(0, m.at("/scale/min").asInt());
        assertEquals(5, m.at("/scale/max").asInt());
        JsonNode aspects = m.get("aspects");
        assertEquals(7, aspects.size());
        assertEquals(List.of("id", "name", "weight", "indicators"), fields(aspects.get(0)));
        int[] weights = {24, 25, 18, 11, 10, 12, 0};
        int indicators = 0;
        for (int k = 0; k < weights.length; k++) {
            assertEquals(weights[k], aspects.get(k).get("weight").asInt(), aspects.get(k).get("id").asText());
            indicators += aspects.get(k).get("indicators").size();
        }
        assertEquals(31, indicators);
        JsonNode first = aspects.get(0).get("indicators").get(0);
        assertTrue(fields(first).containsAll(List.of("id", "code", "name", "weight", "options")), fields(first).toString());
        assertEquals("i01", first.get("id").asText());
        assertEquals("a.Ak", first.get("code").asText());
        assertEquals(17, first.get("weight").asInt());
        assertEquals(6, first.get("options").size());
        assertEquals(List.of("value", "label"), fields(first.get("options").get(0)));
        JsonNode bands = m.get("bands");
        assertEquals(9, bands.size());
        assertEquals(List.of("code", "label", "min", "max"), fields(bands.get(0)));
        assertEquals("A", bands.get(0).get("code").asText());
        assertEquals("4.51", bands.get(0).get("min").asText());
        assertTrue(m.get("provenance").size() > 0);
    }

    @Test
    void scoresTheReadmeExample() throws Exception {
        HttpResponse<String> r = rapor.post(SCORE, Assessments.example().toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = json(r);
        assertEquals(List.of("methodology", "unit", "index", "band", "aspects", "indicators", "explanation"), fields(s));
        assertEquals("pekppp-2022", s.at("/methodology/id").asText());
        assertEquals("2022.1.0", s.at("/methodology/version").asText());
        assertEquals("2.97", s.get("index").asText());
        assertEquals("C", s.at("/band/code").asText());
        assertEquals("Cukup", s.at("/band/label").asText());
        assertEquals(List.of("id", "name", "weight", "score", "contribution"), fields(s.get("aspects").get(0)));
        assertEquals(List.of("id", "answer", "weight", "contribution"), fields(s.get("indicators").get(0)));
        assertEquals(31, s.get("indicators").size());
        assertTrue(s.get("explanation").size() >= 3);
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonNode p = problem(rapor.post(SCORE, "{\"unit\":\"x\",\"answers\":{\"i01\":3,}"), 400);
        assertTrue(p.at("/errors/0/message").asText().startsWith("JSON tidak sah pada baris 1"), p.toString());
        problem(rapor.post(SCORE, ""), 400);
        problem(rapor.post(SCORE, "[1,2]"), 400);
        problem(rapor.post(SCORE, "{\"unit\":\"x\",\"answers\":{}} trailing"), 400);
        problem(rapor.post(SCORE, "{\"unit\":\"x\",\"unit\":\"y\",\"answers\":{}}"), 400);
    }

    @Test
    void aWrongTypeIs400AndNamesTheField() throws Exception {
        JsonNode p = problem(rapor.post(SCORE, Assessments.exampleWith("i07", "three")), 400);
        assertEquals("answers.i07", p.at("/errors/0/field").asText());
        assertEquals("seharusnya angka, bukan teks", p.at("/errors/0/message").asText());
        JsonNode unit = problem(rapor.post(SCORE, "{\"unit\":5,\"answers\":{}}"), 400);
        assertEquals("unit", unit.at("/errors/0/field").asText());
        JsonNode extra = problem(rapor.post(SCORE, "{\"unit\":\"x\",\"answer\":{}}"), 400);
        assertEquals("answer", extra.at("/errors/0/field").asText());
        assertTrue(extra.at("/errors/0/message").asText().contains("kolom tidak dikenal"));
    }

    @Test
    void anUnknownIndicatorIs422() throws Exception {
        JsonNode p = problem(rapor.post(SCORE, Assessments.exampleWith("i99", 3)), 422);
        assertEquals("answers.i99", p.at("/errors/0/field").asText());
        assertTrue(p.at("/errors/0/message").asText().startsWith("indikator tidak dikenal"));
    }

    @Test
    void aMissingAnswerIs422NotAZero() throws Exception {
        JsonNode p = problem(rapor.post(SCORE, Assessments.exampleWith("i12", null)), 422);
        assertEquals("answers.i12", p.at("/errors/0/field").asText());
        assertEquals("Jawaban untuk indikator i12 tidak ada; seharusnya salah satu dari 0, 1, 2, 3, 4, 5", p.at("/errors/0/message").asText());
        JsonNode none = problem(rapor.post(SCORE, "{\"unit\":\"x\"}"), 422);
        assertEquals("answers", none.at("/errors/0/field").asText());
    }

    @Test
    void aValueThatIsNotAnOptionIs422() throws Exception {
        JsonNode p = problem(rapor.post(SCORE, Assessments.exampleWith("i03", 6)), 422);
        assertEquals("answers.i03", p.at("/errors/0/field").asText());
        assertEquals("6 bukan jawaban yang diperbolehkan; seharusnya salah satu dari 0, 1, 2, 3, 4, 5", p.at("/errors/0/message").asText());
        problem(rapor.post(SCORE, Assessments.exampleWith("i03", 2.5)), 422);
        problem(rapor.post(SCORE, Assessments.exampleWith("i03", -1)), 422);
        JsonNode huge = problem(rapor.post(SCORE, Assessments.exampleWith("i03", new java.math.BigDecimal("1e999999999"))), 422);
        assertTrue(huge.at("/errors/0/message").asText().length() < 200);
        JsonNode tiny = problem(rapor.post(SCORE, Assessments.exampleWith("i03", new java.math.BigDecimal("5E-1000000"))), 422);
        assertTrue(tiny.at("/errors/0/message").asText().length() < 200);
        // Equal to the option 0 but written with a million decimals: scored, and at once.
        assertEquals(200, rapor.post(SCORE, Assessments.exampleWith("i03", new java.math.BigDecimal("0E-1000000"))).statusCode());
    }

    @Test
    void anUnknownMethodologyIs404() throws Exception {
        JsonNode p = problem(rapor.get("/api/v1/methodologies/pekppp-1999"), 404);
        assertTrue(p.get("detail").asText().contains("pekppp-2022"), "lists the known ones: " + p);
        problem(rapor.post("/api/v1/methodologies/pekppp-1999/score", Assessments.example().toString()), 404);
        problem(rapor.get("/api/v1/nothing-here"), 404);
        problem(rapor.get("/api/v1"), 404); // / and what is not the API is the web application's (WebAppIT)
    }

    @Test
    void aBodyOver1MiBIs413() throws Exception {
        StringBuilder big = new StringBuilder("{\"unit\":\"");
        while (big.length() < 1024 * 1024 + 10) big.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        big.append("\",\"answers\":{}}");
        problem(rapor.post(SCORE, big.toString()), 413);
        // Without a Content-Length the limit still holds while reading.
        Iterator<byte[]> chunks = List.of(big.toString().getBytes(StandardCharsets.UTF_8)).iterator();
        HttpResponse<String> chunked = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(SCORE))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(() -> chunks))));
        problem(chunked, 413);
        // The service carries on.
        assertEquals(200, rapor.post(SCORE, Assessments.example().toString()).statusCode());
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(SCORE))).GET());
        problem(r, 405);
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
        HttpResponse<String> d = rapor.send(HttpRequest.newBuilder(URI.create(rapor.url("/api/v1/methodologies"))).DELETE());
        problem(d, 405);
        assertEquals("GET, HEAD", d.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void listsDeployments() throws Exception {
        JsonNode list = json(rapor.get("/api/v1/deployments"));
        assertEquals(5, list.size());
        for (JsonNode d : list) {
            assertEquals("ACTIVE", d.get("state").asText(), d.toString());
            assertEquals(0, d.get("errors").size());
        }
    }

    @Test
    void garbageOnTheSocketNeverKillsTheService() throws Exception {
        try (Socket s = new Socket("127.0.0.1", rapor.port)) {
            OutputStream out = s.getOutputStream();
            out.write("POST /api/v1/methodologies/pekppp-2022/score HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n{\"u".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        assertEquals(200, rapor.post(SCORE, Assessments.example().toString()).statusCode());
    }

    /** Asserts a problem+json answer with the given status and returns it. */
    /** A problem of {@code type} ({@code urn:rapor:problem:} left out) that names {@code field} among its errors (null: any). */
    static JsonNode problem(HttpResponse<String> r, int status, String type, String field) throws IOException {
        JsonNode p = problem(r, status);
        assertEquals("urn:rapor:problem:" + type, p.get("type").asText(), r.body());
        if (field == null) return p;
        boolean named = false;
        for (JsonNode e : p.get("errors")) named |= e.get("field").asText().equals(field);
        assertTrue(named, "the problem names " + field + ": " + r.body());
        return p;
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws IOException {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        assertFalse(r.body().contains("<html"), r.body());
        assertFalse(r.body().contains("at id.rapor"), "no stack trace: " + r.body());
        JsonNode p = json(r);
        assertTrue(p.get("type").asText().startsWith("urn:rapor:problem:"), p.toString());
        assertFalse(p.get("title").asText().isEmpty());
        assertEquals(status, p.get("status").asInt());
        assertFalse(p.get("detail").asText().isEmpty());
        assertTrue(p.get("errors").isArray());
        return p;
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
