package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static id.rapor.it.RaporDistribution.basic;
import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Refusals: who is refused scoring with a revision that is not the active one, and how much of
 * a flood of refused calls reaches the audit trail (every one is still answered).
 */
class RefusalsIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";

    private static HttpResponse<String> post(String path, String body, String auth) throws Exception {
        return rapor.post(path, body, auth);
    }

    private static int revision(String comment, String file, String text, String siti) throws Exception {
        String body = RaporDistribution.JSON.createObjectNode().put("comment", comment)
                .set("files", RaporDistribution.JSON.createObjectNode().put(file, text)).toString();
        HttpResponse<String> r = post(REVISIONS, body, siti);
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("revision").asInt();
    }

    @Test
    void onlyTheActiveRevisionScoresForAnyone() throws Exception {
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan"), "add", "siti", "policy")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-penilai-1"), "add", "budi", "evaluator")[0]);
        String siti = basic("siti", "sandi-kebijakan");
        String budi = basic("budi", "sandi-penilai-1");
        String provenance = "subject,confidence,source,note\nall,C,x,\n";
        int superseded = revision("first", "methodology/provenance.csv", provenance, siti);
        assertEquals(200, post(REVISIONS + "/" + superseded + "/activate", "", siti).statusCode());
        int active = revision("second", "methodology/provenance.csv", provenance + "bands,C,y,\n", siti);
        assertEquals(200, post(REVISIONS + "/" + active + "/activate", "", siti).statusCode());
        int rejected = revision("broken", "methodology/bands.csv", "not,a,band,table\n", siti);
        int draft = revision("draft", "methodology/provenance.csv", provenance + "weights,C,z,\n", siti);
        var states = new ArrayList<String>();
        for (JsonNode r : json(rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(REVISIONS))).header("Authorization", siti)))) {
            states.add(r.get("revision").asInt() + " " + r.get("state").asText());
        }
        assertTrue(states.containsAll(List.of(superseded + " SUPERSEDED", active + " ACTIVE", rejected + " REJECTED", draft + " DRAFT")),
                states.toString());

        String example = Assessments.example().toString();
        assertEquals(200, post(SCORE + "?revision=" + active, example, null).statusCode(), "the active one: anyone, as scoring is open");
        problem(post(SCORE + "?revision=" + superseded, example, null), 401);
        assertEquals(200, post(SCORE + "?revision=" + superseded, example, budi).statusCode(), "a superseded one: any user");
        problem(post(SCORE + "?revision=" + rejected, example, null), 401);
        problem(post(SCORE + "?revision=" + rejected, example, budi), 409);
        problem(post(SCORE + "?revision=" + draft, example, null), 401);
        problem(post(SCORE + "?revision=" + draft, example, budi), 403);
        assertEquals(200, post(SCORE + "?revision=" + draft, example, siti).statusCode(), "a draft: policy staff");
        problem(post(SCORE + "?revision=99", example, null), 401);
        problem(post(SCORE + "?revision=99", example, budi), 404);
    }

    @Test
    void twoThousandAnonymousRefusalsAddABoundedNumberOfAuditLines() throws Exception {
        Path trail = rapor.home.resolve("data/audit.jsonl");
        long before = Files.exists(trail) ? Files.readAllLines(trail).size() : 0;
        // From an address of their own, so this test's count is not mixed with the other's.
        String request = RawHttp.request("GET", "/api/v1/audit", null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<int[]>> senders = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            senders.add(pool.submit(() -> {
                int refused = 0;
                int other = 0;
                for (int k = 0; k < 500; k++) {
                    if (RawHttp.exchange(rapor.port, "127.0.0.6", request).status() == 401) refused++; else other++;
                }
                return new int[] {refused, other};
            }));
        }
        int refused = 0;
        for (Future<int[]> f : senders) {
            int[] counts = f.get(120, TimeUnit.SECONDS);
            refused += counts[0];
            assertEquals(0, counts[1], "every call is answered 401");
        }
        pool.shutdown();
        assertEquals(2_000, refused);
        long after = Files.readAllLines(trail).size();
        long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
        // Twenty a minute from that address, and at most one summary per minute that ended meanwhile.
        long bound = 20 * (seconds / 60 + 1) + seconds / 60 + 1;
        assertTrue(after - before <= bound, (after - before) + " lines for 2,000 refusals in " + seconds + " s; at most " + bound);
        assertTrue(after - before >= 20, "the first refusals of the minute are recorded: " + (after - before));
    }
}
