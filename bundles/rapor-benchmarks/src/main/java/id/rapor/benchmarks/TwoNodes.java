package id.rapor.benchmarks;

import id.rapor.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two nodes on one PostgreSQL, as behind a load balancer: both score under load (four client threads each) while
 * policy staff activate a revision on node A, again and again (band C from 2.98, then back to the rule bundles). For
 * each activation, the time until node B answers with the new version (PostgreSQL's NOTIFY, then B reads the revision
 * and swaps it in); failed answers and mixed ones (a version with the other version's band) on both nodes; and each
 * node's scores per second meanwhile. The two nodes, PostgreSQL and the clients share the same two cores here.
 */
final class TwoNodes {
    private static final String SECTION = "Two nodes on one PostgreSQL";
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";
    private static final String REVISIONS = "/api/v1/methodologies/pekppp-2022/revisions";
    private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]+)\"");
    private static final Pattern BAND = Pattern.compile("\"band\":\\{\"code\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    private TwoNodes() {}

    static List<Figure> measure(java.nio.file.Path distribution, String body, boolean quick) throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            Map<String, String> env = Map.of("RAPOR_DATABASE_URL", postgres.url("rapor"), "RAPOR_DATABASE_USER", PostgresServer.USER,
                    "RAPOR_DATABASE_PASSWORD", PostgresServer.PASSWORD);
            try (RaporProcess a = RaporProcess.start(distribution, body, env); RaporProcess b = RaporProcess.start(distribution, body, env)) {
                a.awaitAllLoaded();
                b.awaitAllLoaded();
                return new TwoNodes().run(a, b, body, quick ? 3 : 10);
            }
        }
    }

    private void awaitUser(RaporProcess node, String auth) throws Exception {
        HttpRequest revisions = HttpRequest.newBuilder(URI.create(node.url(REVISIONS))).header("Authorization", auth).build();
        for (int k = 0; k < 100; k++) {
            if (http.send(revisions, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            Thread.sleep(50);
        }
        throw new IllegalStateException("the user added on one node is not known to " + node.url("") + " after 5 s");
    }

    private List<Figure> run(RaporProcess a, RaporProcess b, String body, int activations) throws Exception {
        // One user for both: the nodes share the users' table, and each hears of the new one through PostgreSQL.
        String auth = a.user("bench", "benchmark-password", "policy");
        for (RaporProcess node : new RaporProcess[] {a, b}) awaitUser(node, auth);
        HttpResponse<String> created = send(a, REVISIONS, auth, moveBandC(a));
        if (created.statusCode() != 201) throw new IllegalStateException(created.body());

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong[] answers = {new AtomicLong(), new AtomicLong()};
        AtomicLong failed = new AtomicLong();
        AtomicLong mixed = new AtomicLong();
        AtomicLong lastVersionChangeOnB = new AtomicLong();
        String[] versionOnB = {"2022.1.0"};
        List<Thread> threads = new ArrayList<>();
        RaporProcess[] nodes = {a, b};
        for (int n = 0; n < 2; n++) {
            int node = n;
            HttpRequest score = HttpRequest.newBuilder(URI.create(nodes[n].url(SCORE))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = http.send(score, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) { failed.incrementAndGet(); continue; }
                            answers[node].incrementAndGet();
                            String version = group(VERSION, r.body());
                            String band = group(BAND, r.body());
                            if (!(version.equals("2022.1.0") ? band.equals("C") : version.equals("2022.1.0+r1") && band.equals("C-"))) {
                                mixed.incrementAndGet();
                            }
                            if (node == 1) {
                                synchronized (versionOnB) {
                                    if (!version.equals(versionOnB[0])) {
                                        versionOnB[0] = version;
                                        lastVersionChangeOnB.set(System.nanoTime());
                                    }
                                }
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }
        double[] visible = new double[activations];
        long start = System.nanoTime();
        try {
            Thread.sleep(2000);
            for (int k = 0; k < activations; k++) {
                int number = k % 2 == 0 ? 1 : 0;
                long changeSeen = lastVersionChangeOnB.get();
                long landed = System.nanoTime();
                HttpResponse<String> activated = send(a, REVISIONS + "/" + number + "/activate", auth, "{}");
                if (activated.statusCode() != 200) throw new IllegalStateException(activated.body());
                long deadline = landed + 30_000_000_000L;
                while (lastVersionChangeOnB.get() == changeSeen && System.nanoTime() < deadline) Thread.sleep(2);
                visible[k] = lastVersionChangeOnB.get() == changeSeen ? Double.NaN : (lastVersionChangeOnB.get() - landed) / 1e6;
                Thread.sleep(1000);
            }
        } finally {
            running.set(false);
            for (Thread t : threads) t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = visible.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double worst = sorted[sorted.length - 1];
        long total = answers[0].get() + answers[1].get();
        return List.of(
                Figure.against(SECTION, String.format("a revision activated on node A: served by node B after, median of %d activations", activations),
                        median, String.format("ms (%,.0f–%,.0f ms)", sorted[0], worst), "≤ 2,000 ms", worst <= 2000),
                Figure.against(SECTION, "failed answers on both nodes meanwhile", failed.get(), "of " + (total + failed.get()), "0", failed.get() == 0),
                Figure.against(SECTION, "mixed answers (a version with the other's band)", mixed.get(), "of " + total, "0", mixed.get() == 0),
                Figure.measured(SECTION, "scores answered meanwhile, 4 client threads per node (node A / node B), sharing 2 cores with PostgreSQL",
                        total / seconds, String.format("scores/s (%,.0f / %,.0f)", answers[0].get() / seconds, answers[1].get() / seconds)));
    }

    private HttpResponse<String> send(RaporProcess node, String path, String auth, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.url(path))).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Revision 1: band C from 2.98 (the example's 2.97 is C-), with the golden cases that move with it. */
    private static String moveBandC(RaporProcess node) throws Exception {
        Map<String, String> files = HotSwap.moveBandC(HotSwap.read(node.home.resolve("rules/pekppp-2022.jar")));
        return "{\"comment\":\"C dari 2,98\",\"files\":{\"methodology/bands.csv\":" + HotSwap.quote(files.get("methodology/bands.csv"))
                + ",\"methodology/golden-cases.csv\":" + HotSwap.quote(files.get("methodology/golden-cases.csv")) + "}}";
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }
}
