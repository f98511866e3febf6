package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the rules, as the security review made them against the running distribution:
 * rule text through the revision API (policy staff), and jars in deploy/ (operators) that throw,
 * loop, clash with a shipped bundle or are no rule bundle at all.
 */
class DeployAndRuleTextIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(60);
    private static RuleBundleJar shipped;
    private static Path deploy;
    private static String siti;

    @BeforeAll
    static void setUp() throws Exception {
        shipped = RuleBundleJar.read(rapor.home.resolve("rules/pekppp-2022.jar"));
        deploy = rapor.home.resolve("deploy");
        assertEquals("0", rapor.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-rahasia-1"), "add", "siti", "policy")[0]);
        siti = RaporDistribution.basic("siti", "sandi-rahasia-1");
    }

    private static HttpResponse<String> propose(String path, String text) throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("comment", "attack");
        body.putObject("files").put(path, text);
        return rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(REVISIONS))).header("Content-Type", "application/json")
                .header("Authorization", siti).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void ruleTextThroughTheApiIsRefusedAndNeverRuns(@TempDir Path victim) throws Exception {
        Path pwned = victim.resolve("pwned");
        String head = "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\nimport id.rapor.api.fact.Reason;\nimport java.math.RoundingMode;\n";
        String textBlock = head + "rule \"r\"\nwhen\n    $m : Methodology()\nthen\n    String t = \"\"\"\n x\n\"\"\"; Object o = Runtime.getRuntime().exec("
                + "new String[]{\"/bin/sh\",\"-c\",\"id > " + pwned + "\"});\nend\n";
        String readsFiles = head + "rule \"r\"\nwhen\n    $m : Methodology()\nthen\n    insert( new Reason( \"x\", new String( RoundingMode.UP"
                + ".getDeclaringClass().getResource( \"RoundingMode.class\" ).toURI().resolve( \"file:///etc/passwd\" ).toURL().openStream()"
                + ".readAllBytes() ) ) );\nend\n";
        String weighted = new String(shipped.file("rules/weighted-index.drl"), StandardCharsets.UTF_8);
        for (String[] attempt : new String[][] {{"rules/extra.drl", textBlock}, {"rules/extra.drl", readsFiles},
                {"rules/weighted-index.drl", weighted + "\n" + textBlock}}) {
            HttpResponse<String> r = propose(attempt[0], attempt[1]);
            JsonNode revision = json(r);
            assertEquals("REJECTED", revision.get("state").asText(), r.body());
            assertEquals(attempt[0], revision.at("/errors/0/file").asText(), r.body());
            assertTrue(revision.at("/errors/0/message").asText().startsWith("rule text is code"), r.body());
            int n = revision.get("revision").asInt();
            // Neither the author nor anyone else can make it serve or score.
            assertEquals(409, rapor.send(HttpRequest.newBuilder(URI.create(rapor.url(REVISIONS + "/" + n + "/activate")))
                    .header("Authorization", siti).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
            HttpResponse<String> pinned = rapor.post(SCORE + "?revision=" + n, Assessments.example().toString());
            assertTrue(pinned.statusCode() >= 400, pinned.body());
            assertFalse(pinned.body().contains("root:"), "no file is read");
        }
        assertFalse(Files.exists(pwned), "no command ran");
    }

    @Test
    void rulesThatThrowAnErrorAreRejectedAndThePreviousVersionServes() throws Exception {
        shipped.version("2022.7.1").edit("rules/weighted-index.drl", t -> t + "\nrule \"throws\"\nwhen\n    $m : Methodology()\nthen\n"
                + "    throw new Error( \"x\" );\nend\n").deployTo(deploy, "throws.jar");
        JsonNode rejected = awaitDeployment("2022.7.1", "REJECTED");
        assertTrue(rejected.toString().contains("java.lang.Error: x"), rejected.toString());
        assertServes("2022.1.0");
        Files.delete(deploy.resolve("throws.jar"));
    }

    @Test
    void aRuleThatLoopsForOneUnitIsStoppedAndTheServiceGoesOn() throws Exception {
        shipped.version("2022.7.2").edit("rules/weighted-index.drl", t -> t + "\nrule \"loops for one unit\"\nwhen\n"
                + "    $a : AnswerSheet( unit == \"lambat\" )\nthen\n    long n = 0;\n    while ( n >= 0 ) { n = ( n + 1 ) % 1000; }\nend\n")
                .deployTo(deploy, "loops.jar");
        awaitDeployment("2022.7.2", "ACTIVE"); // its golden cases never name that unit
        try {
            String slow = Assessments.example().put("unit", "lambat").toString();
            for (int k = 0; k < 4; k++) { // more than a few: each would have held a Jetty thread for good
                long start = System.nanoTime();
                HttpResponse<String> r = rapor.post(SCORE, slow);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(500, r.statusCode(), r.body());
                assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
                assertTrue(ms < 10_000, "answered once the budget ran out (2 × 1 s), not hung: " + ms + " ms");
                assertEquals(200, rapor.get("/api/v1/health").statusCode());
                assertServes("2022.7.2");
            }
            assertTrue(rapor.logText().contains("stopping the thread's score"), "the watchdog stopped it");
        } finally {
            Files.delete(deploy.resolve("loops.jar"));
        }
        rapor.awaitJson("/api/v1/methodologies/pekppp-2022", m -> m.get("version").asText().equals("2022.1.0"), DEPLOY_TIMEOUT);
    }

    @Test
    void aJarWithTheShippedNameAndVersionIsRefusedAndRemovingItRemovesNothingShipped() throws Exception {
        shipped.edit("methodology/bands.csv", BandC::moveBands).edit("methodology/golden-cases.csv", BandC::moveGoldenCases)
                .deployTo(deploy, "same-version.jar");
        // Named by its bundle: another test's refused garbage.jar is REJECTED with no version too.
        JsonNode refused = awaitDeployment("id.rapor.rules.pekppp-2022", "", "REJECTED");
        assertTrue(refused.toString().contains("the same symbolic name and version as the rule bundle installed from"), refused.toString());
        assertTrue(refused.toString().contains("rules/pekppp-2022.jar"), refused.toString());
        assertServes("2022.1.0");
        Files.delete(deploy.resolve("same-version.jar"));
        rapor.awaitJson("/api/v1/deployments", l -> StreamSupport.stream(l.spliterator(), false)
                .noneMatch(d -> d.get("bundle").asText().equals("id.rapor.rules.pekppp-2022") && d.get("version").asText().isEmpty()), DEPLOY_TIMEOUT);
        Thread.sleep(500); // FileInstall's removal, had it touched the shipped bundle, is done by now
        assertServes("2022.1.0");
        JsonNode health = json(rapor.get("/api/v1/health"));
        assertEquals(0, health.at("/methodologies/unavailable").asInt(), health.toString());
    }

    @Test
    void aJarThatIsNoRuleBundleIsListedAndLoggedNotIgnored() throws Exception {
        Files.write(deploy.resolve("garbage.jar.tmp"), "this is not a zip file".getBytes(StandardCharsets.UTF_8));
        Files.move(deploy.resolve("garbage.jar.tmp"), deploy.resolve("garbage.jar"));
        rapor.awaitJson("/api/v1/deployments", l -> StreamSupport.stream(l.spliterator(), false)
                .anyMatch(d -> d.get("bundle").asText().equals("garbage.jar")), DEPLOY_TIMEOUT);
        JsonNode d = StreamSupport.stream(json(rapor.get("/api/v1/deployments")).spliterator(), false)
                .filter(x -> x.get("bundle").asText().equals("garbage.jar")).findFirst().orElseThrow();
        assertEquals("REJECTED", d.get("state").asText());
        assertEquals("deploy/garbage.jar", d.at("/errors/0/file").asText(), d.toString());
        rapor.awaitLog(s -> s.contains("deploy/garbage.jar refused"), DEPLOY_TIMEOUT);
        Files.delete(deploy.resolve("garbage.jar"));
        assertServes("2022.1.0");
    }

    @Test
    void theAuditTrailIsReadableByItsOwnerOnly() throws Exception {
        propose("methodology/bands.csv", "not,a,table\n"); // anything that is audited
        Path trail = rapor.home.resolve("data/audit.jsonl");
        assertTrue(Files.exists(trail));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(trail));
    }

    private static JsonNode awaitDeployment(String version, String state) throws Exception {
        return awaitDeployment(null, version, state);
    }

    /** The first deployment listed of {@code bundle} (null: any), {@code version} and {@code state}, once there is one. */
    private static JsonNode awaitDeployment(String bundle, String version, String state) throws Exception {
        java.util.function.Predicate<JsonNode> wanted = d -> (bundle == null || d.get("bundle").asText().equals(bundle))
                && d.get("version").asText().equals(version) && d.get("state").asText().equals(state);
        JsonNode list = rapor.awaitJson("/api/v1/deployments", l -> StreamSupport.stream(l.spliterator(), false).anyMatch(wanted), DEPLOY_TIMEOUT);
        return StreamSupport.stream(list.spliterator(), false).filter(wanted).findFirst().orElseThrow();
    }

    private static void assertServes(String version) throws Exception {
        HttpResponse<String> r = rapor.post(SCORE, Assessments.example().toString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(version, json(r).at("/methodology/version").asText());
    }
}
