package id.rapor.it;

import static id.rapor.it.ApiIT.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.client.RaporClient;
import id.rapor.client.RaporException;
import id.rapor.client.Types;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With http.scoring.protected=true only users with the role evaluator may score. */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProtectedScoringIT {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static RaporDistribution rapor;

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(home -> {
            Path settings = home.resolve("etc/id.rapor.http.cfg");
            Files.writeString(settings, Files.readString(settings).replace("scoring.protected=false", "scoring.protected=true"));
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

    @Test
    void theClientSendsTheEvaluatorsCredentials() throws Exception {
        Types.Assessment assessment = new com.google.gson.Gson().fromJson(Assessments.example().toString(), Types.Assessment.class);
        RaporClient anonymous = RaporClient.builder().baseUrl(rapor.url("")).build();
        RaporException refused = assertThrows(RaporException.class, () -> anonymous.score("pekppp-2022", assessment));
        assertEquals(401, refused.status());

        RaporClient budi = RaporClient.builder().baseUrl(rapor.url("")).credentials("budi", "sandi-penilai-1").build();
        assertEquals("C", budi.score("pekppp-2022", assessment).band().code());
    }

    @Test
    void aClientGeneratedFromTheContractScoresWithCredentials() throws Exception {
        // The contract declares basic auth on scoring; the java/native generator leaves sending it to a request interceptor.
        var anonymous = GeneratedClientIT.api(rapor);
        var refused = assertThrows(id.rapor.generated.invoker.ApiException.class, () -> anonymous.score("pekppp-2022", GeneratedClientIT.example(), null, null));
        assertEquals(401, refused.getCode());

        var budi = new id.rapor.generated.api.DefaultApi(GeneratedClientIT.client(rapor)
                .setRequestInterceptor(request -> request.header("Authorization", RaporDistribution.basic("budi", "sandi-penilai-1"))));
        assertEquals("C", budi.score("pekppp-2022", GeneratedClientIT.example(), null, null).getBand().getCode());
        assertEquals("pekppp-2022", budi.scoreByYear("pekppp", 2023, GeneratedClientIT.example(), null).getMethodology().getId());
    }

    @Test
    void theCommandLineTakesCredentialsFromTheEnvironment() throws Exception {
        Path file = Files.createTempFile("assessment", ".json");
        Files.writeString(file, Assessments.example().toString());
        Map<String, String> env = new HashMap<>(Map.of("RAPOR_URL", rapor.url("")));
        String[] anonymous = rapor.command("rapor-cli", env, "score", "pekppp-2022", file.toString());
        assertEquals("1", anonymous[0], anonymous[1]);
        assertTrue(anonymous[1].contains("401"), anonymous[1]);

        env.put("RAPOR_USER", "budi");
        env.put("RAPOR_PASSWORD", "sandi-penilai-1");
        String[] budi = rapor.command("rapor-cli", env, "score", "pekppp-2022", file.toString());
        assertEquals("0", budi[0], budi[1]);
        assertTrue(budi[1].contains("2.97") && budi[1].contains("Cukup"), budi[1]);
    }

    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void aChangedSettingAppliesWhileRaporRunsAndAnOldPlaceForItStopsTheStart() throws Exception {
        // Configuration Admin, fed from etc/*.cfg by FileInstall: opening scoring takes an edit, not a restart.
        Path settings = rapor.home.resolve("etc/id.rapor.http.cfg");
        Files.writeString(settings, Files.readString(settings).replace("scoring.protected=true", "scoring.protected=false"));
        long deadline = System.currentTimeMillis() + 20_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = rapor.post(SCORE, Assessments.example().toString()).statusCode()) != 200) {
            Thread.sleep(100);
        }
        assertEquals(200, status, "scoring is open once the setting says so");
        Files.writeString(settings, Files.readString(settings).replace("scoring.protected=false", "scoring.protected=true"));
        deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && (status = rapor.post(SCORE, Assessments.example().toString()).statusCode()) != 401) {
            Thread.sleep(100);
        }
        assertEquals(401, status, "and protected again");

        // The setting's old place: refused at start, so scoring meant to be protected is never silently open.
        Path props = rapor.home.resolve("etc/rapor.properties");
        Files.writeString(props, Files.readString(props) + "\nhttp.scoring.protected=true\n");
        rapor.relaunch();
        rapor.awaitLog(log -> log.contains("http.scoring.protected is no longer set in etc/rapor.properties: it moved to "
                + "etc/id.rapor.http.cfg: scoring.protected"), java.time.Duration.ofSeconds(30));

        // Without the API's settings the start stops at once and says why, rather than waiting for an API that cannot come.
        Files.writeString(props, Files.readString(props).replace("\nhttp.scoring.protected=true\n", "\n"));
        Files.delete(settings);
        rapor.relaunch();
        rapor.awaitLog(log -> log.contains("etc/id.rapor.http.cfg is missing: the HTTP API starts only with its settings"),
                java.time.Duration.ofSeconds(30));
    }
}
