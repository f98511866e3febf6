package id.rapor.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Assessment;
import id.rapor.engine.score.ScoreBudget;
import id.rapor.engine.testing.ToyBundle;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import id.rapor.engine.source.RuleBundleLayout;
import org.junit.jupiter.api.io.TempDir;

/** Compiled rule text kept across starts: read back when the text is the same, never trusted when it is not. */
class RuleBaseCacheTest {
    @TempDir
    Path data;

    private RuleBundleCompiler compiler(String engine) {
        return new RuleBundleCompiler(getClass().getClassLoader(), new ScoreBudget(), GoldenCaseRunner.LIMIT_MILLIS,
                new RuleBaseCache(data, engine));
    }

    private static String scoreOf(Compilation c) throws Exception {
        assertTrue(c.accepted(), () -> c.errors().toString());
        Map<String, BigDecimal> answers = Map.of("x1", BigDecimal.valueOf(5), "x2", BigDecimal.ONE, "y1", BigDecimal.ONE);
        var r = c.compiled().score(new Assessment("u", answers));
        return r.index().toPlainString() + " " + r.band().getCode();
    }

    private List<Path> kept() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.toString().endsWith(RuleBaseCache.SUFFIX)).toList();
        }
    }

    @Test
    void theSameTextIsReadBackAndScoresAlike() throws Exception {
        String fresh = scoreOf(new ToyBundle().compile("1.0.0", compiler("engine 1")));
        List<Path> files = kept();
        assertEquals(1, files.size());
        long written = Files.getLastModifiedTime(files.get(0)).toMillis();
        Thread.sleep(20);
        // A second start: a new compiler, the same text. It reads the file (touching it) and scores as before.
        assertEquals(fresh, scoreOf(new ToyBundle().compile("1.0.1", compiler("engine 1"))));
        assertEquals(files, kept());
        assertTrue(Files.getLastModifiedTime(files.get(0)).toMillis() > written, "read back, so used last");
    }

    @Test
    void anotherTextOrAnotherEngineIsCompiledAndKeptApart() throws Exception {
        ToyBundle toy = new ToyBundle();
        scoreOf(toy.compile("1.0.0", compiler("engine 1")));
        scoreOf(toy.compile("1.0.0", compiler("engine 2")));
        String rule = toy.files.keySet().stream().filter(p -> p.endsWith(".drl")).findFirst().orElseThrow();
        scoreOf(toy.with(rule, toy.files.get(rule) + "\n// a comment changes the text\n").compile("1.0.0", compiler("engine 1")));
        assertEquals(3, kept().size());
        RuleBaseCache cache = new RuleBaseCache(data, "engine 1");
        assertNotEquals(cache.key(Map.of("a.drl", "x")), cache.key(Map.of("a.drl", "y")));
        assertNotEquals(cache.key(Map.of("a.drl", "x")), new RuleBaseCache(data, "engine 2").key(Map.of("a.drl", "x")));
    }

    @Test
    void aDamagedFileIsDeletedAndTheTextCompiledAgain() throws Exception {
        String fresh = scoreOf(new ToyBundle().compile("1.0.0", compiler("engine 1")));
        Path file = kept().get(0);
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(fresh, scoreOf(new ToyBundle().compile("1.0.0", compiler("engine 1"))));
        assertTrue(Files.size(file) > 3, "compiled again and kept again");
    }

    @Test
    void aPlantedFileOfOtherClassesIsNeverBuilt() throws Exception {
        String fresh = scoreOf(new ToyBundle().compile("1.0.0", compiler("engine 1")));
        Path file = kept().get(0);
        // An attacker's object graph: a class outside Drools, MVEL, Rapor's API and the JDK's java.* is refused by the filter.
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new java.util.ArrayList<>(List.of(new javax.management.AttributeValueExp("planted"))));
        }
        assertEquals(fresh, scoreOf(new ToyBundle().compile("1.0.0", compiler("engine 1"))));
        assertTrue(Files.size(file) > 0 && !new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains("planted"));
    }

    @Test
    void onlyTheMostRecentlyUsedAreKept() throws Exception {
        RuleBaseCache cache = new RuleBaseCache(data, "engine 1");
        ToyBundle toy = new ToyBundle();
        String rule = toy.files.keySet().stream().filter(p -> p.endsWith(".drl")).findFirst().orElseThrow();
        String text = toy.files.get(rule);
        for (int k = 0; k < RuleBaseCache.KEEP + 3; k++) {
            scoreOf(toy.with(rule, text + "\n// " + k + "\n").compile("1.0.0", compiler("engine 1")));
        }
        assertEquals(RuleBaseCache.KEEP, kept().size());
        Map<String, String> last = new java.util.TreeMap<>();
        toy.files.forEach((path, content) -> { if (path.endsWith(".drl")) last.put(path, content); });
        assertTrue(Files.exists(data.resolve(cache.key(last) + RuleBaseCache.SUFFIX)), "the last one written is kept");
    }

    private long proven() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.toString().endsWith(RuleBaseCache.PROVEN)).count();
        }
    }

    @Test
    void goldenCasesPassedByTheVeryFilesAreNotRunAgainAndAnyChangedByteRunsThem() throws Exception {
        ToyBundle toy = new ToyBundle().with("rules/count.drl", GoldenRuns.RULE);
        int before = GoldenRuns.SCORES.get();
        scoreOf(toy.compile("1.0.0", compiler("engine 1")));
        int firstRun = GoldenRuns.SCORES.get() - before;
        assertTrue(firstRun >= 2, "both golden cases scored the first time");
        assertEquals(1, proven(), "their verdict kept");

        // A restart: the same files, the same engine. Only the first case scores (a check of the rules read back).
        int atRestart = GoldenRuns.SCORES.get();
        Compilation again = toy.compile("1.0.1", compiler("engine 1"));
        assertTrue(again.accepted(), () -> again.errors().toString());
        assertEquals(atRestart + 1, GoldenRuns.SCORES.get(), "only the first golden case ran again");

        // Another engine, or one changed byte of a table, and they run (and a failing one refuses the bundle).
        int other = GoldenRuns.SCORES.get();
        assertTrue(toy.compile("1.0.0", compiler("engine 2")).accepted());
        assertTrue(GoldenRuns.SCORES.get() >= other + 2, "another engine proves them again");
        String cases = toy.files.get(RuleBundleLayout.GOLDEN_CASES);
        Compilation wrong = toy.with(RuleBundleLayout.GOLDEN_CASES, cases.replace("mixed,2.20,MID", "mixed,2.21,MID"))
                .compile("1.0.2", compiler("engine 1"));
        assertFalse(wrong.accepted(), "a changed golden case is run, and refuses the bundle");
        assertEquals(2, proven(), "a refused bundle leaves no verdict");
    }
}
