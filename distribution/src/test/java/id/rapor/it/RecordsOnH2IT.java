package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The records on the default database: an H2 file under data/, nothing to install. */
class RecordsOnH2IT extends RecordsScenarios {

    @BeforeAll
    static void start() throws Exception {
        rapor = RaporDistribution.start(RecordsScenarios::recordEveryRefusal);
        users(rapor);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rapor != null) rapor.close();
        rapor = null;
    }

    @Test
    void theRecordsLiveInAFileUnderDataAndOutliveARestart() throws Exception {
        assertTrue(Files.isRegularFile(rapor.home.resolve("data/rapor.mv.db")));
        long id = created(rapor.post("/api/v1/units/upp-a1/assessments", entry("self", 2022, "sebelum restart"), OPD)).get("id").asLong();
        rapor.restart();
        var again = rapor.get("/api/v1/assessments/" + id, OPD);
        for (int i = 0; i < 100 && again.statusCode() == 503; i++) { // the database opens after the API
            Thread.sleep(100);
            again = rapor.get("/api/v1/assessments/" + id, OPD);
        }
        assertEquals("sebelum restart", ok(again).get("comment").asText());
    }
}
