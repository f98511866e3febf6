package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        rapor = RaporDistribution.start(home -> {
            Files.writeString(home.resolve("etc/rapor.properties"), "\ndatabase.url=" + postgres.url("rapor") + "\ndatabase.user="
                    + PostgresServer.USER + "\ndatabase.password=" + PostgresServer.PASSWORD + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        });
        users(rapor);
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
        } finally {
            postgres.startAgain();
        }
        HttpResponse<String> back = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, null), OPD);
        for (int i = 0; i < 100 && back.statusCode() == 503; i++) {
            Thread.sleep(100);
            back = rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2025, null), OPD);
        }
        assertEquals(201, back.statusCode(), back.body());
    }
}
