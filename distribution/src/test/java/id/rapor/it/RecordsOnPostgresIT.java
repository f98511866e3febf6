package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.testing.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records on a real PostgreSQL (Debian's server, started for this class), chosen the way an
 * operator chooses it: database.url, user and password in etc/rapor.properties.
 */
class RecordsOnPostgresIT extends RecordsScenarios {
    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        rapor = RaporDistribution.start(RecordsOnPostgresIT::onPostgres);
        users(rapor);
    }

    /** database.url, user and password in etc/rapor.properties, as an operator writes them. */
    private static void onPostgres(java.nio.file.Path home) throws Exception {
        recordEveryRefusal(home);
        Files.writeString(home.resolve("etc/rapor.properties"), "\ndatabase.url=" + postgres.url("rapor") + "\ndatabase.user="
                + PostgresServer.USER + "\ndatabase.password=" + PostgresServer.PASSWORD + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (rapor != null) rapor.close();
        } finally {
            rapor = null;
            if (postgres != null) postgres.close();
        }
    }

    @Test
    void aDatabaseThatGoesAwayIsA503AndScoringGoesOnUntilItComesBack() throws Exception {
        postgres.stop();
        try {
            HttpResponse<String> refused = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, null), OPD);
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("urn:rapor:problem:database-unavailable", RaporDistribution.json(refused).get("type").asText());
            assertEquals(200, rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).statusCode());
            // A proposal needs the shared revisions' database for its number: a 503 to retry, never a 500.
            HttpResponse<String> proposal = rapor.post("/api/v1/methodologies/pekppp-2022/revisions",
                    "{\"comment\":\"while the database is away\",\"files\":{\"methodology/bands.csv\":\"code,label,min,max\\n\"}}", POLICY);
            assertEquals(503, proposal.statusCode(), proposal.body());
            assertEquals("urn:rapor:problem:revision-store-unavailable", RaporDistribution.json(proposal).get("type").asText());
            assertTrue(proposal.headers().firstValue("Retry-After").isPresent(), proposal.headers().toString());
            // A load balancer sees the database missing from readiness; the node is alive and says it can score.
            HttpResponse<String> notReady = rapor.get("/api/v1/health/ready");
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertEquals("database", RaporDistribution.json(notReady).at("/errors/0/field").asText(), notReady.body());
            assertEquals(200, rapor.get("/api/v1/health/live").statusCode());
            assertEquals("UP", RaporDistribution.json(rapor.get("/api/v1/health")).get("status").asText());
        } finally {
            postgres.startAgain();
        }
        HttpResponse<String> ready = rapor.get("/api/v1/health/ready");
        for (int i = 0; i < 100 && ready.statusCode() == 503; i++) {
            Thread.sleep(100);
            ready = rapor.get("/api/v1/health/ready");
        }
        assertEquals(200, ready.statusCode(), ready.body());
        HttpResponse<String> back = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, null), OPD);
        for (int i = 0; i < 100 && back.statusCode() == 503; i++) {
            Thread.sleep(100);
            back = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, null), OPD);
        }
        assertEquals(201, back.statusCode(), back.body());
    }

    /**
     * Where nodes share a PostgreSQL, a node started without it knows neither the users nor the active revisions (both
     * are the database's): it is not ready, lets nobody in (never a stale etc/users.properties), and serves once the
     * database is back, without a restart.
     */
    @Test
    void aDatabaseDownAtStartIsNotReadyAndKnowsNobodyUntilItComesUp() throws Exception {
        RaporDistribution late = RaporDistribution.start(RecordsOnPostgresIT::onPostgres);
        boolean down = false;
        try {
            postgres.stop();
            down = true;
            late.relaunch(); // a start with the database away
            HttpResponse<String> live = null;
            for (int i = 0; i < 600 && (live == null || live.statusCode() != 200); i++) {
                Thread.sleep(100);
                try {
                    live = late.get("/api/v1/health/live");
                } catch (java.io.IOException notYet) {
                    live = null;
                }
            }
            assertEquals(200, live.statusCode(), "alive without its database");
            HttpResponse<String> notReady = late.get("/api/v1/health/ready");
            assertEquals(503, notReady.statusCode(), notReady.body());
            assertTrue(notReady.body().contains("\"database\""), notReady.body());
            // The users are the shared database's (the admin is there already): without it nobody is known; bin/rapor-user
            // cannot reach it either, and says so.
            String[] noDatabase = late.command("rapor-user", java.util.Map.of("RAPOR_PASSWORD", "sandi-admin-1"), "add", "admin", "admin");
            assertEquals("1", noDatabase[0], noDatabase[1]);
            assertTrue(noDatabase[1].contains("could not be read"), noDatabase[1]);
            HttpResponse<String> refused = late.get("/api/v1/users", ADMIN); // answered from memory: no database needed
            assertEquals(401, refused.statusCode(), refused.body());
            HttpResponse<String> unchanged = late.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(late.url("/api/v1/users/x")))
                    .header("Authorization", ADMIN).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"roles\":[\"admin\"],\"password\":\"sandi-x-12345\"}")));
            assertEquals(401, unchanged.statusCode(), unchanged.body());
            postgres.startAgain();
            down = false;
            // The database's bundle tries again every 5 s: the users and the records come without a restart. Readiness
            // is awaited first (anonymous: a refused login would count as a failed one).
            HttpResponse<String> ready = late.get("/api/v1/health/ready");
            for (int i = 0; i < 600 && ready.statusCode() == 503; i++) {
                Thread.sleep(100);
                ready = late.get("/api/v1/health/ready");
            }
            assertEquals(200, ready.statusCode(), ready.body());
            HttpResponse<String> units = late.get("/api/v1/units", ADMIN);
            for (int i = 0; i < 3 && units.statusCode() != 200; i++) {
                Thread.sleep(1_000);
                units = late.get("/api/v1/units", ADMIN);
            }
            assertEquals(200, units.statusCode(), units.body());
            assertEquals(true, units.body().contains("\"kab-a\""), units.body());
            assertEquals(200, late.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).statusCode());
        } finally {
            if (down) postgres.startAgain();
            late.close();
        }
    }
}
