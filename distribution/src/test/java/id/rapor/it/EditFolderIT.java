package id.rapor.it;

import static id.rapor.it.RaporDistribution.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A policy officer with file access edits the tables in edit/<methodology>/; the revision pipeline takes it from there. */
class EditFolderIT extends StartedDistribution {



    @Test
    void anEditIsCheckedActivatedOrRefusedWithItsReason() throws Exception {
        Path folder = rapor.home.resolve("edit/pekppp-2022/methodology");
        // Issue 12, point 13: STATUS.txt is there from the start, for every methodology, saying what serves.
        for (String id : new String[] {"pekppp-2022", "skm-2017"}) {
            Path methodology = rapor.home.resolve("edit/" + id + "/methodology");
            assertTrue(Files.exists(methodology.getParent().resolve("STATUS.txt")), "written as the edit folder starts");
            String start = awaitStatus(methodology, s -> s.startsWith("SERVING: "));
            assertTrue(start.startsWith("SERVING: " + id + " ") && start.contains("(revision 0: its rule bundles), since "), start);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(folder.resolve("bands.csv")) && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(Files.exists(folder.resolve("bands.csv")), "the serving version's files are there to edit");

        Files.writeString(folder.resolve("golden-cases.csv"), BandC.moveGoldenCases(Files.readString(folder.resolve("golden-cases.csv"))));
        Files.writeString(folder.resolve("bands.csv"), BandC.moveBands(Files.readString(folder.resolve("bands.csv"))));
        JsonNode m = rapor.awaitJson("/api/v1/methodologies/pekppp-2022", x -> x.get("version").asText().equals("2022.1.0+r1"), Duration.ofSeconds(30));
        assertEquals("2.97", m.at("/bands/5/max").asText());
        var scored = rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString());
        assertEquals("C-", json(scored).at("/band/code").asText(), scored.statusCode() + " " + scored.body() + "\n" + rapor.logText());
        String active = awaitStatus(folder, s -> s.startsWith("SERVING: pekppp-2022 2022.1.0+r1 (revision 1)"));
        assertTrue(active.contains(", by edit-folder"), active);
        assertTrue(Files.exists(rapor.home.resolve("edit/skm-2017/rules/skm-elements.drl")), "every methodology is there to edit");

        Files.writeString(folder.resolve("aspects.csv"), Files.readString(folder.resolve("aspects.csv")).replace("sdm,Profesionalisme SDM,25", "sdm,Profesionalisme SDM,26"));
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = "";
        while (!status.contains("REJECTED") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = Files.readString(folder.getParent().resolve("STATUS.txt"));
        }
        assertTrue(status.startsWith("SERVING: pekppp-2022 2022.1.0+r1 (revision 1)"), status);
        assertTrue(status.contains("\nREJECTED: your edit, revision 2, was not activated"), status);
        assertTrue(status.contains("methodology/aspects.csv: aspect weights add up to 101, expected 100"), status);
        assertEquals("2022.1.0+r1", json(rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()))
                .at("/methodology/version").asText(), "the active revision keeps serving");
        String audit = Files.readString(rapor.home.resolve("data/audit.jsonl"));
        assertTrue(audit.contains("\"user\":\"edit-folder\"") && audit.contains("\"action\":\"revision.activate\""), audit);
        assertTrue(audit.contains("\"status\":422"), "the refused edit is audited: " + audit);

        // Issue 12, point 13: the rejected edit undone, STATUS.txt says only what serves.
        Files.writeString(folder.resolve("aspects.csv"), Files.readString(folder.resolve("aspects.csv")).replace("sdm,Profesionalisme SDM,26", "sdm,Profesionalisme SDM,25"));
        String undone = awaitStatus(folder, s -> !s.contains("REJECTED"));
        assertTrue(undone.startsWith("SERVING: pekppp-2022 2022.1.0+r1 (revision 1)"), undone);
    }

    private static String awaitStatus(Path folder, java.util.function.Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = Files.readString(folder.getParent().resolve("STATUS.txt"));
            if (condition.test(status)) return status;
            Thread.sleep(100);
        }
        throw new AssertionError("STATUS.txt still says:\n" + status);
    }
}
