package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/evaluator-guide.md, followed literally on a new distribution: every sh block, in order,
 * from adding the users to re-scoring the official assessment. Evaluators, office admins and the
 * bureau need nothing but bin/.
 */
class EvaluatorGuideIT extends StartedDistribution {

    @Test
    void theGuidesRoundFromUnitsToTheOfficialScore() throws Exception {
        GuideRunner runner = new GuideRunner("evaluator-guide.md", rapor);
        Map<String, List<String>> guide = runner.blocks();
        for (List<String> blocks : guide.values()) {
            for (String block : blocks) assertFalse(GuideRunner.needsOtherTools(block), block);
        }
        awaitDatabase();

        runner.sh(guide.get("1").get(0));
        String units = runner.sh(guide.get("2").get(0)).out();
        assertTrue(units.contains("upp-ktp") && units.contains("UPP Layanan KTP-el") && units.contains("dinas-dukcapil"), units);

        String self = runner.sh(guide.get("3").get(0)).out();
        assertTrue(self.contains("assessment 1: upp-ktp pekppp 2024, self, draft: 2.97 C (pekppp-2022 2022.1.0)"), self);

        String evidence = runner.sh(guide.get("3a").get(0)).out();
        assertTrue(evidence.contains("i01: sk-standar-pelayanan.pdf (application/pdf"), evidence);
        assertTrue(evidence.contains("assessment 1: upp-ktp pekppp 2024, self, submitted"), evidence);

        String verified = runner.sh(guide.get("4").get(0)).out();
        assertTrue(verified.contains("assessment 2: upp-ktp pekppp 2024, evaluator, final"), verified);

        String official = runner.sh(guide.get("5").get(0)).out();
        assertTrue(official.startsWith("assessment 2: upp-ktp pekppp 2024, evaluator, final: 2.97 C"), official);
        assertTrue(official.lines().anyMatch(l -> l.startsWith("2 ") && l.contains("official")), official);

        String rescored = runner.sh(guide.get("5").get(1)).out();
        assertTrue(rescored.contains("assessment 3: upp-ktp pekppp 2024, evaluator, draft: 2.97 C")
                && rescored.contains("re-scored from assessment 2"), rescored);
    }

    /** The database opens beside the API; the guide begins once the records answer. */
    private static void awaitDatabase() throws Exception {
        for (int i = 0; i < 200 && rapor.get("/api/v1/units").statusCode() == 503; i++) Thread.sleep(100);
    }
}
