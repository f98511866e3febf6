package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The largest request body is body.max.bytes of etc/id.rapor.http.cfg, 1 MiB by default: an SKM
 * region of 60 units of 400 respondents (1.56 MB) is refused with 413 naming the limit until an
 * operator raises it, while Rapor runs; a value that makes no sense leaves the default in force.
 */
class BodyLimitIT extends StartedDistribution {
    private static final String BATCH = "/api/v1/methodologies/skm-2017/score/batch";

    /** A region of {@code units} service units, each surveyed with {@code respondents} answer sheets of the nine SKM elements. */
    private static String survey(int units, int respondents) {
        Random r = new Random(7);
        StringBuilder b = new StringBuilder("{\"region\":\"Provinsi Contoh\",\"units\":[");
        for (int u = 0; u < units; u++) {
            b.append(u > 0 ? "," : "").append("{\"unit\":\"Puskesmas ").append(u).append("\",\"respondents\":[");
            for (int k = 0; k < respondents; k++) {
                b.append(k > 0 ? ",{" : "{");
                for (int e = 1; e <= 9; e++) b.append(e > 1 ? "," : "").append("\"u").append(e).append("\":").append(1 + r.nextInt(4));
                b.append('}');
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    @Test
    void aRegionOverTheDefaultLimitIsScoredOnceTheLimitIsRaised() throws Exception {
        String region = survey(60, 400);
        assertTrue(region.length() > 1_500_000 && region.length() < 1_700_000, "1.56 MB: " + region.length());

        JsonNode refused = problem(rapor.post(BATCH, region), 413);
        assertEquals("urn:rapor:problem:body-too-large", refused.get("type").asText());
        // In the reader's language (Indonesian by default), naming the limit.
        String detail = refused.get("detail").asText();
        assertTrue(detail.replaceAll("[.,]", "").contains("1048576 byte (1 MiB)"), detail);

        Path settings = rapor.home.resolve("etc/id.rapor.http.cfg");
        String shipped = Files.readString(settings);
        assertTrue(shipped.contains("\nbody.max.bytes=1048576\n"), "the shipped setting, with its default");
        Files.writeString(settings, shipped.replace("\nbody.max.bytes=1048576\n", "\nbody.max.bytes=4194304\n"));
        HttpResponse<String> scored = await(region, 200);
        JsonNode answer = RaporDistribution.json(scored);
        assertEquals(60, answer.at("/summary/scored").asInt(), "every unit scored: " + answer.get("summary"));
        assertEquals("Puskesmas 59", answer.at("/units/59/unit").asText());

        // Nonsense is refused and said in the log; the default stands, not the last value that made sense.
        Files.writeString(settings, shipped.replace("\nbody.max.bytes=1048576\n", "\nbody.max.bytes=-5\n"));
        rapor.awaitLog(log -> log.contains("body.max.bytes in etc/id.rapor.http.cfg must be a whole number from 1024 to 67108864, "
                + "not -5; using 1048576"), Duration.ofSeconds(20));
        problem(await(region, 413), 413);
    }

    /** Posts {@code body} until it is answered {@code status}: a changed setting applies within a second or so. */
    private static HttpResponse<String> await(String body, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> r;
        while ((r = rapor.post(BATCH, body)).statusCode() != status && System.currentTimeMillis() < deadline) Thread.sleep(200);
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }
}
