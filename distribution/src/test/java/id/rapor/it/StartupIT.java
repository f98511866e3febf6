package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The first seconds after bin/rapor starts, while the shipped rule bundles still compile: a
 * methodology that is on its way answers 503 methodology-compiling with Retry-After, never
 * 404 "unknown methodology", and then scores.
 */
class StartupIT extends StartedDistribution {
    private static boolean jettysOwnNotFound(HttpResponse<String> r) throws IOException {
        return r.statusCode() == 404 && RaporDistribution.JSON.readTree(r.body()).path("detail").asText().equals("Tidak ada sumber daya pada path ini.");
    }

    @Test
    void aMethodologyStillCompilingSaysSoAndScoresOnceReady() throws Exception {
        String body = Assessments.example().toString();
        rapor.relaunch();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int compiling = 0;
        HttpResponse<String> r = null;
        while (System.nanoTime() < deadline) {
            try {
                r = rapor.post("/api/v1/methodologies/pekppp-2022/score", body);
            } catch (IOException notListeningYet) {
                Thread.sleep(20);
                continue;
            }
            if (r.statusCode() == 200) break;
            if (r.headers().firstValue("X-Request-Id").isEmpty() || jettysOwnNotFound(r)) {
                // Jetty is up but Rapor's servlet is not registered yet: every answer of Rapor has a request id, and
                // Rapor names the path it did not find; Jetty's own 404 (problem+json too, with an id) does not.
                Thread.sleep(20);
                continue;
            }
            JsonNode p = problem(r, 503);
            assertEquals("urn:rapor:problem:methodology-compiling", p.get("type").asText(), p.toString());
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""), "Retry-After");
            compiling++;
            Thread.sleep(20);
        }
        assertEquals(200, r == null ? 0 : r.statusCode(), "scored within 90 s of the start; " + compiling + " compiling answers before");
        assertEquals("C", RaporDistribution.JSON.readTree(r.body()).get("band").get("code").asText());
        JsonNode unknown = problem(rapor.post("/api/v1/methodologies/pekppp-2099/score", body), 404);
        assertTrue(unknown.get("detail").asText().contains("pekppp-2099"), "an id no rule bundle defines is still a 404");
    }

    /**
     * What a load balancer sees from the first second: readiness is 503 not-ready, naming what is missing, until every
     * rule bundle is compiled and the records' database answers; liveness is 200 as soon as Rapor answers; and once
     * readiness says 200, every methodology scores at once (a node is never sent traffic it answers 503 to).
     */
    @Test
    void readinessIs503UntilEverythingScoresAndLivenessAnswersThroughout() throws Exception {
        rapor.relaunch();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int notReady = 0;
        HttpResponse<String> ready = null;
        while (System.nanoTime() < deadline) {
            try {
                ready = rapor.get("/api/v1/health/ready");
            } catch (IOException notListeningYet) {
                Thread.sleep(20);
                continue;
            }
            if (ready.statusCode() == 200) break;
            if (ready.headers().firstValue("X-Request-Id").isEmpty() || jettysOwnNotFound(ready)) {
                Thread.sleep(20); // Jetty is up, Rapor's servlet not yet
                continue;
            }
            JsonNode p = problem(ready, 503);
            assertEquals("urn:rapor:problem:not-ready", p.get("type").asText(), p.toString());
            for (JsonNode e : p.get("errors")) {
                assertTrue(java.util.Set.of("rule-bundles", "methodologies", "database").contains(e.get("field").asText()), p.toString());
            }
            assertEquals(200, rapor.get("/api/v1/health/live").statusCode(), "alive while not ready");
            notReady++;
            Thread.sleep(20);
        }
        assertEquals(200, ready == null ? 0 : ready.statusCode(), "ready within 90 s of the start; " + notReady + " not-ready answers before");
        assertEquals("UP", RaporDistribution.json(ready).get("status").asText());
        assertEquals("UP", RaporDistribution.json(rapor.get("/api/v1/health")).get("status").asText());
        assertEquals(200, rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).statusCode(),
                "ready means it scores");
        assertEquals(0, RaporDistribution.json(rapor.get("/api/v1/health")).at("/ruleBundles/pending").asInt(), "every rule bundle checked");
    }
}
