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
    private static final Path GUIDE = Path.of(System.getProperty("rapor.examples", "../docs/examples")).resolveSibling("policy-guide.md");
    private static final String SCORE = "/api/v1/methodologies/pekppp-2022/score";

    private record Run(int code, String out) {}

    /** Each section's sh blocks, by the section's number ("0", "1", …). */
    private static Map<String, List<String>> blocks() throws Exception {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String section = "";
        Matcher m = Pattern.compile("^## (\\S+?)\\.? [^\n]*$|^```sh\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        while (m.find()) {
            if (m.group(1) != null) section = m.group(1);
            else blocks.computeIfAbsent(section, s -> new ArrayList<>()).add(m.group(2));
        }
        return blocks;
    }

    private final List<String> exports = new ArrayList<>();

    /** Runs a block with sh, as a shell would; what earlier blocks exported still holds. */
    private Run sh(String block) throws Exception {
        assertFalse(block.matches("(?s).*\\b(curl|unzip|python3?|sed)\\b.*"), "the guide's commands need only bin/: " + block);
        ProcessBuilder pb = new ProcessBuilder("sh", "-e", "-c", String.join("\n", exports) + "\n" + block)
                .directory(rapor.home.toFile()).redirectErrorStream(true);
        pb.environment().put("RAPOR_URL", rapor.url(""));
        pb.environment().remove("RAPOR_USER");
        pb.environment().remove("RAPOR_PASSWORD");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        block.lines().filter(l -> l.startsWith("export ")).forEach(exports::add);
        Run run = new Run(p.waitFor(), out);
        assertEquals(0, run.code(), block + "\n" + out);
        return run;
    }

    private static JsonNode scoreExample() throws Exception {
        return RaporDistribution.json(rapor.post(SCORE, Assessments.example().toString()));
    }

    /** The README's "no other tool" holds for policy staff: no step of the guide needs curl, unzip, Python or sed. */
    @Test
    void noStepOfTheGuideNeedsAnotherTool() throws Exception {
        for (var section : blocks().entrySet()) {
            for (String block : section.getValue()) {
                assertFalse(block.matches("(?s).*\\b(curl|unzip|python3?|sed)\\b.*"), "section " + section.getKey() + ": " + block);
            }
        }
    }

    @Test
    void theGuidesCommandsChangeBandCPreviewActivateRollBackAndAudit() throws Exception {
        Map<String, List<String>> guide = blocks();

        for (String block : guide.get("0")) sh(block);
        assertTrue(Files.readString(rapor.home.resolve("etc/users.properties")).contains("siti=policy|"));

        Run start = sh(guide.get("1").get(0));
        assertTrue(start.out().contains("no revisions"), start.out());
        Path change = rapor.home.resolve("change");
        // The edit the guide describes in words.
        Files.writeString(change.resolve("bands.csv"), BandC.moveBands(Files.readString(change.resolve("bands.csv"))));
        Files.writeString(change.resolve("golden-cases.csv"), BandC.moveGoldenCases(Files.readString(change.resolve("golden-cases.csv"))));
        Run proposed = sh(guide.get("1").get(1));
        assertTrue(proposed.out().contains("revision 1: DRAFT, version 2022.1.0+r1"), proposed.out());
        assertEquals("C", scoreExample().get("band").get("code").asText(), "a draft does not serve");

        Run previewedAndActivated = sh(guide.get("2").get(0));
        String out = previewedAndActivated.out();
        assertTrue(out.contains("1 unit(s) change, 1 do not"), out);
        assertTrue(out.matches("(?s).*Dinas Kependudukan dan Pencatatan Sipil \\(contoh\\) +2\\.97 C +2\\.97 C- +0\\.00.*"), out);
        assertTrue(out.contains("  - C,Cukup,2.51,3.00\n    + C,Cukup,2.98,3.00"), out);
        assertTrue(out.contains("revision 1 serves: 2022.1.0+r1"), out);
        JsonNode activated = scoreExample();
        assertEquals("C-", activated.get("band").get("code").asText());
        assertEquals("2022.1.0+r1", activated.get("methodology").get("version").asText());

        Run rolledBack = sh(guide.get("3").get(0));
        assertTrue(rolledBack.out().contains("the rule bundles serve again: 2022.1.0"), rolledBack.out());
        assertEquals("C", scoreExample().get("band").get("code").asText());

        Run audit = sh(guide.get("6").get(0));
        assertTrue(audit.out().lines().anyMatch(l -> l.contains("siti") && l.contains("revision.propose") && l.contains("pekppp-2022")), audit.out());
        assertEquals(2, audit.out().lines().filter(l -> l.contains("revision.activate")).count(), audit.out());
    }
}
