package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static id.rapor.it.RaporDistribution.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small body that has arrived whole is answered by its resource, never 408 "too slow" for time
 * that was not the client's. Jetty's minimum data rate (http min.data.rate, 2048 bytes/s) counts
 * the bytes the API has taken against the time since it took the first, at every read after it,
 * the read that only finds the body's end included: a 2-byte body allowed 1 ms for whatever
 * happened between those reads (a cold first call, a thread waiting for a core, the last byte a
 * moment late), and the first call of a user just added was refused 408 now and then (here, on a
 * machine kept busy by the rapor-user commands, one run in two before the fix). Scoring is
 * protected, so every call here logs in. The second test shows it every time.
 */
class SmallBodiesIT {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path settings = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(settings, Files.readString(settings).replace("scoring.protected=false", "scoring.protected=true"));
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    /** A user no call has logged in as yet: their first call pays a password hash, none of their header is remembered. */
    private static String freshEvaluator(String name) throws Exception {
        String password = "sandi-" + name + "-01";
        String[] added = rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", password), "add", name, "evaluator");
        assertEquals("0", added[0], added[1]);
        return basic(name, password);
    }

    @Test
    void theFirstCallOfEachNewUserWithATinyBodyIsAnsweredByTheResource() throws Exception {
        for (int k = 1; k <= 6; k++) {
            // {} is read to its end (nothing may follow an assessment) and lacks every answer: 422, from the resource.
            var answer = rapor.post(SCORE, "{}", freshEvaluator("penilai" + k));
            assertEquals("urn:rapor:problem:invalid-assessment", problem(answer, 422).get("type").asText(), "user " + k + ": " + answer.body());
        }
    }

    @Test
    void aSmallBodyWhoseLastByteComesAMomentAfterTheRestIsScored() throws Exception {
        String authorization = freshEvaluator("penilai-lambat");
        // Logged in once already (a call that needs no login, with the header): this call pays no password hash.
        assertEquals(200, rapor.get("/api/v1/methodologies", authorization).statusCode());
        byte[] body = Assessments.example().toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length < 2048, "the body is worth less than a second at the minimum rate: " + body.length);
        try (Socket s = RawHttp.connect(rapor.port, "127.0.0.1")) {
            OutputStream out = s.getOutputStream();
            out.write(("POST " + SCORE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Authorization: " + authorization + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length - 1);
            out.flush();
            // The last byte a second later, as a client on a slow link or a busy machine may send it: the body
            // never stalls for long (the idle timeout is 30 s) and is whole long before its deadline.
            Thread.sleep(1_000);
            out.write(body, body.length - 1, 1);
            out.flush();
            RawHttp.Answer answer = RawHttp.read(s.getInputStream());
            assertEquals(200, answer.status(), answer.body());
            assertTrue(answer.body().contains("\"code\":\"C\""), answer.body());
        }
    }
}
