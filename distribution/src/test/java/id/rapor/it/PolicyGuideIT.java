package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/policy-guide.md, followed literally: the sh blocks of its sections 0 to 3 and 6 run as
 * written, one after another, in the started distribution's folder (with RAPOR_URL pointing at
 * it, as the guide says for a server elsewhere); the test only makes the edit the guide
 * describes in words, as a person would in an editor. Policy staff need nothing but bin/.
 */
class PolicyGuideIT extends StartedDistribution {
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";

    private static JsonNode scoreExample() throws Exception {
        return RaporDistribution.json(rapor.post(SCORE, Assessments.example().toString()));
    }

    /** The README's "no other tool" holds for policy staff: no step of the guide needs curl, unzip, Python or sed. */
    @Test
    void noStepOfTheGuideNeedsAnotherTool() throws Exception {
        for (var section : new GuideRunner("policy-guide.md", rapor).blocks().entrySet()) {
            for (String block : section.getValue()) {
                assertFalse(GuideRunner.needsOtherTools(block), "section " + section.getKey() + ": " + block);
            }
        }
    }

    @Test
    void theGuidesCommandsChangeBandCPreviewActivateRollBackAndAudit() throws Exception {
        GuideRunner runner = new GuideRunner("policy-guide.md", rapor);
        Map<String, List<String>> guide = runner.blocks();

        for (String block : guide.get("0")) runner.sh(block);
        assertTrue(Files.readString(rapor.home.resolve("etc/users.properties")).contains("siti=policy|"));

        GuideRunner.Run start = runner.sh(guide.get("1").get(0));
        assertTrue(start.out().contains("no revisions"), start.out());
        Path change = rapor.home.resolve("change");
        // The edit the guide describes in words.
        Files.writeString(change.resolve("bands.csv"), BandC.moveBands(Files.readString(change.resolve("bands.csv"))));
        Files.writeString(change.resolve("golden-cases.csv"), BandC.moveGoldenCases(Files.readString(change.resolve("golden-cases.csv"))));
        GuideRunner.Run proposed = runner.sh(guide.get("1").get(1));
        assertTrue(proposed.out().contains("revision 1: DRAFT, version 2022.1.0+r1"), proposed.out());
        assertEquals("C", scoreExample().get("band").get("code").asText(), "a draft does not serve");

        GuideRunner.Run previewedAndActivated = runner.sh(guide.get("2").get(0));
        String out = previewedAndActivated.out();
        assertTrue(out.contains("1 unit(s) change, 1 do not"), out);
        assertTrue(out.matches("(?s).*Dinas Kependudukan dan Pencatatan Sipil \\(contoh\\) +2\\.97 C +2\\.97 C- +0\\.00.*"), out);
        assertTrue(out.contains("  - C,Cukup,2.51,3.00\n    + C,Cukup,2.98,3.00"), out);
        assertTrue(out.contains("revision 1 serves: 2022.1.0+r1"), out);
        JsonNode activated = scoreExample();
        assertEquals("C-", activated.get("band").get("code").asText());
        assertEquals("2022.1.0+r1", activated.get("methodology").get("version").asText());

        GuideRunner.Run rolledBack = runner.sh(guide.get("3").get(0));
        assertTrue(rolledBack.out().contains("the rule bundles serve again: 2022.1.0"), rolledBack.out());
        assertEquals("C", scoreExample().get("band").get("code").asText());

        GuideRunner.Run audit = runner.sh(guide.get("6").get(0));
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("siti") && l.contains("revision.propose") && l.contains("pekppp-2022")), audit.out());
        assertEquals(2, audit.out().lines().filter(l -> l.contains("revision.activate")).count(), audit.out());
    }
}
