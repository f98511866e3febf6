package id.rapor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A restart does not redo the work of the start before it (issue 17, cold start): rule text that has not changed is
 * read back compiled from data/cache/rule-bases, and the classes the JVM loaded are mapped from the class-data
 * sharing archive the first stop wrote under data/cache/cds. How much time that saves is measured in
 * docs/benchmarks.md, not here.
 */
class ColdStartIT {
    /** -Xshare:on: a JVM that cannot map the archive it is given refuses to start, so a start proves the archive is used. */
    private static final Map<String, String> CDS = Map.of("RAPOR_CDS", "on",
            "RAPOR_JAVA_OPTS", "-Xms160m -Xmx256m -XX:+UseParallelGC -XX:ReservedCodeCacheSize=64m -Xss512k -Xshare:on");

    private static final Pattern ACCEPTED = Pattern.compile("Rule bundle \\S+ \\S+ accepted for (\\S+) in");
    private static final String READ_BACK = "Rule text compiled before read back from ";

    @Test
    void aRestartCompilesNoUnchangedRuleTextAndMapsTheClassesOfTheFirstRun() throws Exception {
        try (RaporDistribution rapor = RaporDistribution.start(ColdStartIT::aStartThatFailsEarly, CDS)) {
            rapor.awaitJson("/api/v1/health", h -> h.at("/ruleBundles/pending").asInt(-1) == 0 && h.at("/methodologies/active").asInt() >= 5,
                    Duration.ofSeconds(90));
            String first = rapor.logText();
            // Methodologies that share their rule text (the PEKPPP years, say) compile it once between them.
            List<Path> kept = cached(rapor.home.resolve("data/cache/rule-bases"), ".kpkg");
            assertFalse(kept.isEmpty(), "the compiled rule text is kept");
            assertEquals(accepted(first) - kept.size(), readBack(first), "each text compiled once, the first time:\n" + first);

            rapor.close(); // the first stop writes the class-data archive
            List<Path> archives = cached(rapor.home.resolve("data/cache/cds"), ".jsa");
            assertEquals(1, archives.size(), "one archive for this JVM and folder: " + archives);
            assertTrue(Files.exists(Path.of(archives.get(0) + ".ready")), "from a run that became ready");
            assertTrue(Files.size(archives.get(0)) > 10_000_000, "the classes of a start: " + Files.size(archives.get(0)));

            rapor.restart();
            rapor.awaitJson("/api/v1/health", h -> h.at("/ruleBundles/pending").asInt(-1) == 0 && h.at("/methodologies/active").asInt() >= 5,
                    Duration.ofSeconds(90));
            String second = rapor.logText();
            assertTrue(accepted(second) >= 5, second);
            assertEquals(accepted(second), readBack(second), "every methodology's rule text read back, none compiled:\n" + second);
            assertEquals(accepted(second), second.split("the first run, the others not again", -1).length - 1,
                    "the golden cases of unchanged files: only the first of each runs again:\n" + second);
            assertEquals(200, rapor.post("/api/v1/methodologies/pekppp-2022/score", Assessments.example().toString()).statusCode());
            assertEquals(archives, cached(rapor.home.resolve("data/cache/cds"), ".jsa"), "the archive is used, not written again");
        }
    }

    /**
     * Before the first real start: one that stops at once on a wrong setting. Its JVM writes a class archive on the way
     * out, of the few classes it got to; bin/rapor must not use it, but make it again.
     */
    private static void aStartThatFailsEarly(Path home) throws Exception {
        Path settings = home.resolve("etc/rapor.properties");
        String good = Files.readString(settings);
        Files.writeString(settings, good + "\nhttp.port=not-a-port\n");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rapor").toString()).redirectErrorStream(true);
        pb.environment().putAll(CDS);
        pb.environment().remove("RAPOR_HTTP_PORT");
        Process failing = pb.start();
        String out = new String(failing.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, failing.waitFor(), out);
        List<Path> partial = cached(home.resolve("data/cache/cds"), ".jsa");
        assertEquals(1, partial.size(), "the JVM archived what it loaded: " + out);
        assertFalse(Files.exists(Path.of(partial.get(0) + ".ready")), "but the run never became ready");
        Files.writeString(settings, good);
    }

    private static int accepted(String log) {
        Matcher m = ACCEPTED.matcher(log);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static int readBack(String log) {
        return log.split(Pattern.quote(READ_BACK), -1).length - 1;
    }

    private static List<Path> cached(Path folder, String suffix) throws Exception {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
