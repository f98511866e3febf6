package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Policy staff change the rules while Rapor runs: a bundle with one band moved is dropped into
 * deploy/ and served without a restart, while scoring goes on; broken bundles are rejected
 * with errors that name the file and line, and the previous version keeps answering.
 * The steps build on each other, so they run in order on one distribution.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotDeployIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static RuleBundleJar shipped;
    private static Path deploy;

    @BeforeAll
    static void start() throws Exception {
        shipped = RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar"));
        deploy = rapor.home.resolve("deploy");
    }


    /**
     * Band C starts at 2.98 instead of 2.51, so the published 2.97 becomes C-. As policy staff
     * must, the golden cases that expected C below 2.98 are changed with it.
     */
    private static RuleBundleJar bandMoved(String version) {
        return moveBandOnly(shipped.version(version)).edit("methodology/golden-cases.csv", BandC::moveGoldenCases);
    }

    private static RuleBundleJar moveBandOnly(RuleBundleJar jar) {
        return jar.edit("methodology/bands.csv", BandC::moveBands);
    }

    @Test
    @Order(1)
    void aChangedBandIsServedWithoutRestartAndNoRequestFails() throws Exception {
        String body = Assessments.example().toString();
        ScoringLoad load = new ScoringLoad(rapor, 1);
        try (load) {
            bandMoved("2022.1.1").deployTo(deploy, "pekppp-2022-band-moved.jar");
            rapor.awaitJson("/api/v1/methodologies/pekppp-2022", m -> m.get("version").asText().equals("2022.1.1"), DEPLOY_TIMEOUT);
            Thread.sleep(300); // a few more requests on the new version
        }
        assertEquals(0, load.failures(), "failed requests during the swap, of " + load.requests());
        // Each answer is wholly from one version: 2022.1.0 says C, 2022.1.1 says C-.
        assertEquals(java.util.Set.of("2022.1.0 C", "2022.1.1 C-"), load.seen());
        JsonNode s = json(rapor.post(SCORE, body));
        assertEquals("2022.1.1", s.at("/methodology/version").asText());
        assertEquals("2.97", s.get("index").asText());
        assertEquals("C-", s.at("/band/code").asText());
        assertEquals("2.97", json(rapor.get("/api/v1/methodologies/pekppp-2022")).at("/bands/5/max").asText());
    }

    @Test
    @Order(2)
    void aBundleWhoseDrlDoesNotCompileIsRejectedAndThePreviousKeepsAnswering() throws Exception {
        bandMoved("2022.1.2")
                .edit("rules/weighted-index.drl", t -> t.replace("$aspect : Aspect()", "$aspect : Aspect("))
                .deployTo(deploy, "pekppp-2022-broken-drl.jar");
        JsonNode rejected = awaitRejected("2022.1.2");
        JsonNode error = rejected.get("errors").get(0);
        assertEquals("rules/weighted-index.drl", error.get("file").asText(), rejected.toString());
        assertTrue(error.get("line").asInt() > 0, rejected.toString());
        assertStillServing("2022.1.1", "C-");
        // The rejection is served (deployments) a moment before its log line is written: wait for the line.
        rapor.awaitLog(log -> log.contains("Rule bundle id.rapor.rules.pekppp-2022 2022.1.2 rejected"), java.time.Duration.ofSeconds(10));
    }

    @Test
    @Order(3)
    void aBundleWhoseWeightsDoNotAddUpIsRejectedWithTheRow() throws Exception {
        shipped.version("2022.1.3")
                .edit("methodology/aspects.csv", t -> t.replace("sdm,Profesionalisme SDM,25", "sdm,Profesionalisme SDM,26"))
                .deployTo(deploy, "pekppp-2022-bad-weights.jar");
        JsonNode rejected = awaitRejected("2022.1.3");
        List<String> messages = StreamSupport.stream(rejected.get("errors").spliterator(), false)
                .map(e -> e.get("file").asText() + ": " + e.get("message").asText()).toList();
        assertTrue(messages.contains("methodology/aspects.csv: aspect weights add up to 101, expected 100"), messages.toString());
        assertStillServing("2022.1.1", "C-");
    }

    @Test
    @Order(4)
    void aBundleThatFailsItsGoldenCasesIsRejected() throws Exception {
        // Moving the band without fixing the golden cases: the published 2.97 → C case now fails.
        moveBandOnly(shipped.version("2022.1.4"))
                .deployTo(deploy, "pekppp-2022-golden-fails.jar");
        JsonNode rejected = awaitRejected("2022.1.4");
        assertTrue(rejected.toString().contains("golden-cases.csv"), rejected.toString());
        assertTrue(rejected.toString().contains("expected 2.97 C, the rules give 2.97 C-"), rejected.toString());
        assertStillServing("2022.1.1", "C-");
    }

    @Test
    @Order(4)
    void aBundleCarryingJavaIsRefusedAndNeverStarted() throws Exception {
        // Java in a rule bundle would bypass the rule text policy: refused, and deploy/ never starts a bundle.
        shipped.version("2022.1.5")
                .with("Bundle-Activator", "evil.Activator", "evil/Activator.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})
                .deployTo(deploy, "pekppp-2022-with-code.jar");
        JsonNode rejected = awaitRejected("2022.1.5");
        assertTrue(rejected.toString().contains("a rule bundle holds tables and rule text only"), rejected.toString());
        assertStillServing("2022.1.1", "C-");
        assertTrue(!rapor.logText().contains("evil.Activator"), "no attempt to start its activator: " + rapor.logText());
        Files.delete(deploy.resolve("pekppp-2022-with-code.jar"));
    }

    @Test
    @Order(5)
    void aBadEditOfTheServingJarKeepsItsLastGoodContent() throws Exception {
        // Same file, same version, broken content: FileInstall updates the bundle in place.
        bandMoved("2022.1.1")
                .edit("methodology/indicators.csv", t -> t.replace("i05,kebijakan,a.K", "i05,nowhere,a.K"))
                .deployTo(deploy, "pekppp-2022-band-moved.jar");
        rapor.awaitJson("/api/v1/deployments", l -> StreamSupport.stream(l.spliterator(), false).anyMatch(d ->
                d.get("version").asText().equals("2022.1.1") && d.get("state").asText().equals("REJECTED")), DEPLOY_TIMEOUT);
        JsonNode d = StreamSupport.stream(json(rapor.get("/api/v1/deployments")).spliterator(), false)
                .filter(x -> x.get("version").asText().equals("2022.1.1")).findFirst().orElseThrow();
        assertEquals("2022.1.1", d.get("servedVersion").asText(), d.toString());
        assertTrue(d.toString().contains("unknown aspect 'nowhere'"), d.toString());
        assertStillServing("2022.1.1", "C-");
    }

    @Test
    @Order(6)
    void removingTheNewVersionFallsBackToTheShippedOne() throws Exception {
        Files.delete(deploy.resolve("pekppp-2022-band-moved.jar"));
        rapor.awaitJson("/api/v1/methodologies/pekppp-2022", m -> m.get("version").asText().equals("2022.1.0"), DEPLOY_TIMEOUT);
        assertStillServing("2022.1.0", "C");
    }

    private static JsonNode awaitRejected(String version) throws Exception {
        // PENDING until its compile is done: wait for where it ends.
        JsonNode list = rapor.awaitJson("/api/v1/deployments", l -> StreamSupport.stream(l.spliterator(), false)
                .anyMatch(d -> d.get("version").asText().equals(version) && !d.get("state").asText().equals("PENDING")), DEPLOY_TIMEOUT);
        JsonNode d = StreamSupport.stream(list.spliterator(), false)
                .filter(x -> x.get("version").asText().equals(version)).findFirst().orElseThrow();
        assertEquals("REJECTED", d.get("state").asText(), d.toString());
        assertTrue(d.get("errors").size() > 0, d.toString());
        return d;
    }

    private static void assertStillServing(String version, String band) throws Exception {
        HttpResponse<String> r = rapor.post(SCORE, Assessments.example().toString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode s = json(r);
        assertEquals(version, s.at("/methodology/version").asText());
        assertEquals(band, s.at("/band/code").asText());
        assertEquals(version, json(rapor.get("/api/v1/methodologies/pekppp-2022")).get("version").asText());
    }
}
