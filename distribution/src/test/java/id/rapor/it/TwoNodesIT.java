package id.rapor.it;

import static id.rapor.it.RaporDistribution.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rapor.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one real PostgreSQL, as behind a load balancer (issue 17): a revision activated on one serves on the
 * other within 2 s, while both score under load, with no failed answer and no answer that mixes two revisions; going
 * back to the rule bundles on the other node reaches the first the same way; a node started later serves what is
 * active.
 */
class TwoNodesIT {
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static PostgresServer postgres;
    private static RaporDistribution a;
    private static RaporDistribution b;
    private static String siti;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        a = RaporDistribution.start(TwoNodesIT::onPostgres);
        b = RaporDistribution.start(TwoNodesIT::onPostgres);
        for (RaporDistribution node : List.of(a, b)) {
            String[] added = node.command("rapor-user", Map.of("RAPOR_PASSWORD", "sandi-rahasia-1"), "add", "siti", "policy");
            assertEquals("0", added[0], added[1]);
            node.awaitJson("/api/v1/health/ready", h -> "UP".equals(h.path("status").asText()), Duration.ofSeconds(90));
        }
        siti = basic("siti", "sandi-rahasia-1");
    }

    /** The same database.url, user and password in each node's etc/rapor.properties, as an operator writes them. */
    private static void onPostgres(Path home) throws Exception {
        Files.writeString(home.resolve("etc/rapor.properties"), "\ndatabase.url=" + postgres.url("rapor") + "\ndatabase.user="
                + PostgresServer.USER + "\ndatabase.password=" + PostgresServer.PASSWORD + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (RaporDistribution node : new RaporDistribution[] {a, b}) if (node != null) node.close();
        } finally {
            if (postgres != null) postgres.close();
        }
    }

    /** What one answer says: the version that scored it and the band it gave. Band C from 2.98 is revision 1's. */
    private record Answer(String version, String band) {
        boolean consistent() {
            return version.equals("2022.1.0") ? band.equals("C") : version.equals("2022.1.0+r1") && band.equals("C-");
        }
    }

    @Test
    void aRevisionActivatedOnOneNodeServesOnBothUnderLoadWithinTwoSeconds() throws Exception {
        String example = Assessments.example().toString();
        JsonNode proposed = RaporDistribution.json(a.post(REVISIONS, bandMoved(), siti));
        assertEquals("DRAFT", proposed.path("state").asText(), proposed.toString());
        int number = proposed.path("revision").asInt();
        assertEquals(1, number);
        // B knows of it too: the revisions are the database's.
        b.awaitJson(REVISIONS + "/1", siti, r -> "DRAFT".equals(r.path("state").asText()), Duration.ofSeconds(5));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answers = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<Answer> seen = ConcurrentHashMap.newKeySet();
        List<Thread> load = new ArrayList<>();
        for (RaporDistribution node : List.of(a, b)) {
            for (int t = 0; t < 2; t++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = node.post(SCORE, example);
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                                continue;
                            }
                            JsonNode score = RaporDistribution.JSON.readTree(r.body());
                            Answer answer = new Answer(score.at("/methodology/version").asText(), score.at("/band/code").asText());
                            seen.add(answer);
                            if (!answer.consistent()) failures.add("mixed: " + answer);
                            answers.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                });
                thread.start();
                load.add(thread);
            }
        }
        try {
            Thread.sleep(500);
            HttpResponse<String> activated = a.post(REVISIONS + "/1/activate", "{}", siti);
            assertEquals(200, activated.statusCode(), activated.body());
            long visible = awaitVersion(b, example, "2022.1.0+r1");
            assertTrue(visible <= 2000, "node B served revision 1 " + visible + " ms after node A activated it");

            HttpResponse<String> back = b.post(REVISIONS + "/0/activate", "{}", siti);
            assertEquals(200, back.statusCode(), back.body());
            long followed = awaitVersion(a, example, "2022.1.0");
            assertTrue(followed <= 2000, "node A went back to the rule bundles " + followed + " ms after node B did");
            Thread.sleep(300);
        } finally {
            running.set(false);
            for (Thread t : load) t.join(10_000);
        }
        assertEquals(List.of(), failures, "no failed or mixed answer on either node");
        assertTrue(answers.get() > 100, "under load: " + answers.get() + " answers");
        assertEquals(Set.of(new Answer("2022.1.0", "C"), new Answer("2022.1.0+r1", "C-")), seen);

        // Every node lists the revision as no longer serving.
        for (RaporDistribution node : List.of(a, b)) {
            node.awaitJson(REVISIONS + "/1", siti, r -> "SUPERSEDED".equals(r.path("state").asText()), Duration.ofSeconds(5));
        }

        // A node that starts later serves what is active in the database.
        assertEquals(200, a.post(REVISIONS + "/1/activate", "{}", siti).statusCode());
        try (RaporDistribution c = RaporDistribution.start(TwoNodesIT::onPostgres)) {
            c.awaitJson("/api/v1/health/ready", h -> "UP".equals(h.path("status").asText()), Duration.ofSeconds(90));
            JsonNode first = RaporDistribution.json(c.post(SCORE, example));
            assertEquals("2022.1.0+r1", first.at("/methodology/version").asText(), "the first score after ready is the active revision's");
            assertEquals("C-", first.at("/band/code").asText());
        }
    }

    /**
     * Two policy users on each node proposing revisions of one methodology at the same moment: the numbers are the
     * database's, so every proposal is stored (201) under a number of its own; none is a 500. Both nodes then say they
     * serve what the database says is active (no revisionMismatches).
     */
    @Test
    void proposalsOnBothNodesAtOnceAllGetNumbersOfTheirOwn() throws Exception {
        String revisions = "/api/v1/methodologies/ombudsman-2022/revisions";
        RuleBundleJar jar = RuleBundleJar.read(a.home.resolve("rules/ombudsman-2022.jar"));
        String descriptor = new String(jar.file("methodology/methodology.properties"), StandardCharsets.UTF_8);
        int perNode = 4;
        List<Thread> users = new ArrayList<>();
        List<String> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int k = 0; k < 2 * perNode; k++) {
            RaporDistribution node = k % 2 == 0 ? a : b;
            ObjectNode body = RaporDistribution.JSON.createObjectNode();
            body.put("comment", "proposal " + k);
            body.putObject("files").put("methodology/methodology.properties", descriptor + "\n# proposal " + k + "\n");
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    HttpResponse<String> r = node.post(revisions, body.toString(), siti);
                    answers.add(r.statusCode() + " " + RaporDistribution.json(r).path("revision").asText());
                } catch (Exception e) {
                    answers.add(e.toString());
                }
            });
            t.start();
            users.add(t);
        }
        go.countDown();
        for (Thread t : users) t.join(120_000);
        assertEquals(2 * perNode, answers.size(), answers.toString());
        Set<String> numbers = new java.util.TreeSet<>();
        for (String answer : answers) {
            assertTrue(answer.startsWith("201 "), "every proposal stored: " + answers);
            numbers.add(answer.substring(4));
        }
        assertEquals(2 * perNode, numbers.size(), "each under a number of its own: " + answers);
        for (RaporDistribution node : List.of(a, b)) {
            node.awaitJson(revisions, siti, list -> list.size() == 2 * perNode, Duration.ofSeconds(5));
            JsonNode health = RaporDistribution.json(node.get("/api/v1/health"));
            assertEquals(0, health.path("revisionMismatches").size(), health.toString());
        }
    }

    /** Milliseconds until {@code node} scores with {@code version}; fails after 10 s. */
    private static long awaitVersion(RaporDistribution node, String example, String version) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            HttpResponse<String> r = node.post(SCORE, example);
            if (r.statusCode() == 200 && RaporDistribution.JSON.readTree(r.body()).at("/methodology/version").asText().equals(version)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(version + " not served within 10 s; log:\n" + node.logText());
    }

    /** Band C from 2.98: the example's 2.97 becomes C-; the golden cases that said C below 2.98 move with it. */
    private static String bandMoved() throws Exception {
        ObjectNode body = RaporDistribution.JSON.createObjectNode();
        body.put("comment", "C dari 2,98");
        ObjectNode files = body.putObject("files");
        RuleBundleJar jar = RuleBundleJar.read(a.home.resolve("rules/pekppp-2022.jar"));
        files.put("methodology/bands.csv", BandC.moveBands(new String(jar.file("methodology/bands.csv"), StandardCharsets.UTF_8)));
        files.put("methodology/golden-cases.csv", BandC.moveGoldenCases(new String(jar.file("methodology/golden-cases.csv"), StandardCharsets.UTF_8)));
        return body.toString();
    }
}
