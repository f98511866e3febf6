package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.testing.PostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two distributions, as two servers behind a load balancer would run them) on one real PostgreSQL, chosen
 * through RAPOR_DATABASE_URL, USER and PASSWORD: they know the same users, however and wherever those are changed
 * (bin/rapor-user, the admin's API on either node), a change reaching the other node within 2 s, sessions included;
 * and they answer the same rules' audit trail. Node A's etc/users.properties had its admin before (made with
 * bin/rapor-user before PostgreSQL was chosen): the first node to share the empty table brings it along.
 */
class SharedUsersIT {
    private static final String ADMIN = RaporDistribution.basic("admin", "sandi-admin-1");
    private static PostgresServer postgres;
    private static Map<String, String> database;
    private static RaporDistribution a;
    private static RaporDistribution b;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        database = Map.of("RAPOR_DATABASE_URL", postgres.url("rapor"), "RAPOR_DATABASE_USER", PostgresServer.USER,
                "RAPOR_DATABASE_PASSWORD", PostgresServer.PASSWORD);
        a = RaporDistribution.start(home -> {
            RecordsScenarios.recordEveryRefusal(home);
            // Before PostgreSQL: bin/rapor-user writes etc/users.properties (no database in this process's environment).
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rapor-user").toString(), "add", "admin", "admin").redirectErrorStream(true);
            pb.environment().put("RAPOR_PASSWORD", "sandi-admin-1");
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
        }, database);
        b = RaporDistribution.start(RecordsScenarios::recordEveryRefusal, database);
        // The admin of A's file is the shared database's once A has brought it there, and B reads it from there.
        // (Awaited in the log, not by polling: each refused login counts as a failed one.)
        for (RaporDistribution node : new RaporDistribution[] {a, b}) {
            node.awaitLog(log -> log.contains("The users are the shared database's"), java.time.Duration.ofSeconds(60));
            assertEquals(200, node.get("/api/v1/users", ADMIN).statusCode());
        }
        assertTrue(a.logText().contains("users of") && a.logText().contains("are now the shared database's"), "A brought its file's admin");
    }

    /** The environment with RAPOR_PASSWORD too (bin/rapor-user's; bin/rapor ignores it). */
    private static Map<String, String> withPassword(String password, Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("RAPOR_PASSWORD", password);
        return all;
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (a != null) a.close();
            if (b != null) b.close();
        } finally {
            a = null;
            b = null;
            if (postgres != null) postgres.close();
        }
    }

    @Test
    void aUserMadeWithBinRaporUserOnOneNodeLogsInOnBoth() throws Exception {
        String[] added = a.command("rapor-user", withPassword("sandi-siti-123", database), "add", "siti", "policy");
        assertEquals("0", added[0], added[1]);
        assertTrue(added[1].contains("saved in the shared database"), added[1]);
        String siti = RaporDistribution.basic("siti", "sandi-siti-123");
        for (RaporDistribution node : new RaporDistribution[] {a, b}) {
            // A handful of tries at most: each refusal counts as a failed login.
            HttpResponse<String> r = node.get("/api/v1/audit?limit=1", siti);
            for (int i = 0; i < 4 && r.statusCode() == 401; i++) {
                Thread.sleep(300);
                r = node.get("/api/v1/audit?limit=1", siti);
            }
            assertEquals(200, r.statusCode(), r.body());
        }
        // bin/rapor-user of the other node lists the same users; its own etc/users.properties stays empty.
        String[] listed = b.command("rapor-user", database, "list");
        assertTrue(listed[1].contains("siti\tpolicy") && listed[1].contains("admin\tadmin"), listed[1]);
        String[] fileOnly = b.command("rapor-user", Map.of(), "list");
        assertEquals("0", fileOnly[0], fileOnly[1]);
        assertTrue(fileOnly[1].isBlank() || !fileOnly[1].contains("siti"), "without the database, the file's users: " + fileOnly[1]);
    }

    @Test
    void grantsChangedOnNodeAAreRefusedOnNodeBWithinTwoSecondsAndTheSessionThereEnds() throws Exception {
        assertEquals(201, put(a, "budi", "{\"roles\":[\"policy\"],\"password\":\"sandi-budi-123\"}").statusCode());
        String budi = RaporDistribution.basic("budi", "sandi-budi-123");
        awaitStatus(b, "/api/v1/audit?limit=1", budi, s -> s == 200, 2_000);
        String cookie = login(b, "budi", "sandi-budi-123");
        assertEquals(200, b.send(HttpRequest.newBuilder(URI.create(b.url("/api/v1/audit?limit=1"))).header("Cookie", cookie).GET()).statusCode());

        HttpResponse<String> narrowed = put(a, "budi", "{\"roles\":[\"verifier\"]}");
        assertEquals(200, narrowed.statusCode(), narrowed.body());
        long changed = System.nanoTime();
        awaitStatus(b, "/api/v1/audit?limit=1", budi, s -> s == 403, 2_000);
        HttpRequest.Builder withCookie = HttpRequest.newBuilder(URI.create(b.url("/api/v1/session"))).header("Cookie", cookie).GET();
        HttpResponse<String> session = b.send(withCookie);
        while (session.statusCode() != 401 && System.nanoTime() - changed < 2_000_000_000L) {
            Thread.sleep(50);
            session = b.send(withCookie);
        }
        assertEquals(401, session.statusCode(), "the browser session on node B ended with the change on node A: " + session.body());
        assertTrue((System.nanoTime() - changed) / 1_000_000 < 2_000);
    }

    @Test
    void aUserRemovedOnNodeBIsRefusedOnNodeAWithinTwoSeconds() throws Exception {
        assertEquals(201, put(b, "citra", "{\"roles\":[\"policy\"],\"password\":\"sandi-citra-123\"}").statusCode());
        String citra = RaporDistribution.basic("citra", "sandi-citra-123");
        awaitStatus(a, "/api/v1/audit?limit=1", citra, s -> s == 200, 2_000);
        HttpResponse<String> removed = b.send(HttpRequest.newBuilder(URI.create(b.url("/api/v1/users/citra"))).header("Authorization", ADMIN).DELETE());
        assertEquals(204, removed.statusCode(), removed.body());
        // Polled while still let in (a refusal counts as a failed login; there is one).
        awaitStatus(a, "/api/v1/audit?limit=1", citra, s -> s == 401, 2_000);
        assertEquals(404, a.get("/api/v1/users/citra", ADMIN).statusCode());
    }

    @Test
    void anAuditEntryMadeOnNodeAIsListedOnNodeB() throws Exception {
        String ghost = "hantu-" + System.nanoTime();
        assertEquals(401, a.get("/api/v1/audit", RaporDistribution.basic(ghost, "salah")).statusCode());
        HttpResponse<String> made = put(a, "dewi", "{\"roles\":[\"policy\"],\"password\":\"sandi-dewi-123\"}");
        assertEquals(201, made.statusCode(), made.body());
        HttpResponse<String> trail = b.get("/api/v1/audit?limit=1000", ADMIN);
        assertEquals(403, trail.statusCode(), "the trail is policy staff's");
        String[] added = b.command("rapor-user", withPassword("sandi-kebijakan", database), "add", "kebijakan", "policy");
        assertEquals("0", added[0], added[1]);
        String policy = RaporDistribution.basic("kebijakan", "sandi-kebijakan");
        awaitStatus(b, "/api/v1/audit?limit=1", policy, s -> s == 200, 2_000);
        String onB = b.get("/api/v1/audit?limit=1000", policy).body();
        assertTrue(onB.contains("the credentials of '" + ghost + "' were refused"), "A's refusal is in B's trail: " + onB);
        assertTrue(onB.contains("\"user.create\"") && onB.contains("dewi"), "A's new user is in B's trail: " + onB);
        assertEquals(RaporDistribution.json(b.get("/api/v1/audit?limit=50", policy)).toString(),
                RaporDistribution.json(a.get("/api/v1/audit?limit=50", policy)).toString(), "one trail, the same on both nodes");
    }

    private static HttpResponse<String> put(RaporDistribution node, String name, String body) throws Exception {
        return node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/users/" + name))).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A browser's login: the session cookie. */
    private static String login(RaporDistribution node, String user, String password) throws Exception {
        HttpResponse<String> r = node.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/session"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        assertEquals(201, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** Polls {@code path} as {@code authorization} until its status satisfies {@code wanted}, failing after {@code millis}. */
    private static void awaitStatus(RaporDistribution node, String path, String authorization, IntPredicate wanted, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        HttpResponse<String> r = node.get(path, authorization);
        while (!wanted.test(r.statusCode()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = node.get(path, authorization);
        }
        assertTrue(wanted.test(r.statusCode()), "after " + millis + " ms, " + path + " answered " + r.statusCode() + ": " + r.body());
    }
}
