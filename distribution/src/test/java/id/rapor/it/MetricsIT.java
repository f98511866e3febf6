package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /metrics with access=token: the Prometheus text format, only with the bearer token, with
 * every figure docs/operations.md promises (requests by route template, scores by methodology and
 * version, compiles, audit entries, failed logins, the database pool, the JVM); access=off
 * (applied while Rapor runs) answers 404.
 */
class MetricsIT {
    static final String TOKEN = "it-metrics-token-0123456789abcdefghij";
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> Files.writeString(home.resolve("etc/id.rapor.metrics.cfg"),
                "access=token\ntoken=" + TOKEN + "\n"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    private static HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rapor.url("/metrics"))).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return rapor.send(b);
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        assertTrue(m.find(), series + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theFiguresOfARunningNode() throws Exception {
        assertEquals(401, scrape(null).statusCode(), "no token");
        assertEquals(401, scrape("Bearer " + TOKEN.substring(1)).statusCode(), "a wrong token");

        assertEquals(200, rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).statusCode());
        String version = RaporDistribution.json(rapor.get("/api/v1/methodologies/pekppp-2022")).get("version").asText();
        rapor.get("/api/v1/units/no-such-unit/history"); // a route with an id in its path, whatever it answers
        assertEquals(401, rapor.post("/api/v1/session", "{\"user\":\"nobody\",\"password\":\"wrong\"}").statusCode());

        HttpResponse<String> r = scrape("Bearer " + TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), r.headers().toString());
        String text = r.body();
        assertEquals(1, value(text, "rapor_http_request_seconds_count{method=\"POST\",route=\"/methodologies/{id}/score\",status=\"200\"}"));
        assertTrue(text.contains("rapor_http_request_seconds_bucket{method=\"POST\",route=\"/methodologies/{id}/score\",status=\"200\",le=\"0.5\"}"),
                "a latency histogram");
        assertTrue(text.contains("route=\"/units/{id}/history\""), "routes by template");
        assertFalse(text.contains("no-such-unit"), "never a raw path");
        assertEquals(1, value(text, "rapor_units_scored_total{methodology=\"pekppp-2022\",version=\"" + version + "\"}"));
        assertTrue(value(text, "rapor_rule_compile_seconds_count{methodology=\"pekppp-2022\",outcome=\"accepted\"}") >= 1, "compiles");
        assertEquals(1, value(text, "rapor_failed_logins_total"));
        assertEquals(0, value(text, "rapor_revision_mismatch"), "every methodology served as the stored active revision says");
        assertEquals(1, value(text, "rapor_audited_total{action=\"session.create\",status=\"401\"}"));
        assertTrue(value(text, "rapor_db_pool_total_connections") >= 1, "the database pool");
        assertTrue(value(text, "jvm_memory_used_bytes{area=\"heap\"}") > 0, "JVM memory");
        assertTrue(value(text, "jvm_threads_current") > 0, "JVM threads");
        assertTrue(text.contains("jvm_gc_collection_seconds_count{gc="), "JVM garbage collection");
    }

    @Test
    void offAnswers404WhileRaporRuns() throws Exception {
        Path cfg = rapor.home.resolve("etc/id.rapor.metrics.cfg");
        try {
            Files.writeString(cfg, "access=off\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && (status = scrape("Bearer " + TOKEN).statusCode()) != 404) Thread.sleep(50);
            assertEquals(404, status, "access=off applied while Rapor runs");
        } finally {
            Files.writeString(cfg, "access=token\ntoken=" + TOKEN + "\n");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && scrape("Bearer " + TOKEN).statusCode() != 200) Thread.sleep(50);
        }
    }
}
