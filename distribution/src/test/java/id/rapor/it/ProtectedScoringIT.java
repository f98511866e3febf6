package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With http.scoring.protected=true only users with the role evaluator may score. */
class ProtectedScoringIT {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path props = home.resolve("etc/rapor.properties");
            Files.writeString(props, Files.readString(props).replace("http.scoring.protected=false", "http.scoring.protected=true"));
        });
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-penilai-1"), "add", "budi", "evaluator")[0]);
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-kebijakan"), "add", "siti", "policy")[0]);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
    }

    private static int score(String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(rapor.url(SCORE))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Assessments.example().toString()));
        if (user != null) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return rapor.send(b).statusCode();
    }

    @Test
    void onlyEvaluatorsScore() throws Exception {
        problem(rapor.post(SCORE, Assessments.example().toString()), 401);
        assertEquals(403, score("siti", "sandi-kebijakan"));
        assertEquals(401, score("budi", "salah"));
        assertEquals(200, score("budi", "sandi-penilai-1"));
        assertEquals(200, score("budi", "sandi-penilai-1"), "the second call is served from the verified-credentials cache");
        assertEquals(200, rapor.get("/api/v1/methodologies").statusCode(), "reading the questionnaires stays open");
    }
}
