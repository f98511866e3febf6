package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide of docs/ followed literally: its sh blocks, by section, run with sh in a started
 * distribution's folder (RAPOR_URL pointing at it, no RAPOR_USER or RAPOR_PASSWORD but what the
 * guide exports), one after another, each required to succeed and to need nothing but bin/.
 */
final class GuideRunner {
    /** What a block printed, and its exit code. */
    record Run(int code, String out) {}

    private static final Pattern OTHER_TOOLS = Pattern.compile("(?s).*\\b(curl|unzip|python3?|sed)\\b.*");

    private final Path guide;
    private final RaporDistribution rapor;
    private final List<String> exports = new ArrayList<>();

    GuideRunner(String name, RaporDistribution rapor) {
        this.guide = Path.of(System.getProperty("rapor.examples", "../docs/examples")).resolveSibling(name);
        this.rapor = rapor;
    }

    /** Each section's sh blocks, by the section's number ("0", "1", "3a", …). */
    Map<String, List<String>> blocks() throws Exception {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String section = "";
        Matcher m = Pattern.compile("^## (\\S+?)\\.? [^\n]*$|^```sh\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(Files.readString(guide, StandardCharsets.UTF_8));
        while (m.find()) {
            if (m.group(1) != null) section = m.group(1);
            else blocks.computeIfAbsent(section, s -> new ArrayList<>()).add(m.group(2));
        }
        return blocks;
    }

    /** Whether a block needs a tool besides bin/ (curl, unzip, Python, sed). */
    static boolean needsOtherTools(String block) {
        return OTHER_TOOLS.matcher(block).matches();
    }

    /** Runs a block with sh, as a shell would; what earlier blocks exported still holds. */
    Run sh(String block) throws Exception {
        assertFalse(needsOtherTools(block), "the guide's commands need only bin/: " + block);
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
}
