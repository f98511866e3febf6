package id.rapor.engine.score;

import id.rapor.engine.compile.Compilation;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleBundleLayout;
import id.rapor.engine.testing.ToyBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.Assessment;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules that throw or never finish, in a rule bundle an operator installed: the golden cases
 * reject them, and a score that runs out of its budget is stopped and answered, never left
 * running on the caller's thread.
 */
public class ScoreBudgetTest {
    private static final String HEAD = "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\nimport id.rapor.api.fact.AnswerSheet;\n";

    private static String rule(String when, String then) {
        return HEAD + "rule \"extra\"\nwhen\n    " + when + "\nthen\n" + then + "\nend\n";
    }

    private static Compilation withRule(String drl, ScoreBudget budget, long goldenLimitMillis) throws Exception {
        return new ToyBundle().with("rules/extra.drl", drl).compile("1.0.0",
                new RuleBundleCompiler(ScoreBudgetTest.class.getClassLoader(), budget, goldenLimitMillis));
    }

    private static void assertRejected(String drl, String... expected) throws Exception {
        try (ScoreBudget budget = new ScoreBudget(ScoreBudget.MAX_FIRINGS, 500)) {
            Compilation c = withRule(drl, budget, 10_000);
            assertFalse(c.accepted(), "should be rejected");
            assertTrue(c.errors().stream().anyMatch(e -> e.file().equals(RuleBundleLayout.GOLDEN_CASES)
                            && java.util.Arrays.stream(expected).anyMatch(e.message()::contains)),
                    () -> "expected one of " + java.util.Arrays.toString(expected) + " in " + c.errors());
        }
    }

    @Test
    void rulesThatThrowAnErrorAreRejectedByTheGoldenCases() throws Exception {
        assertRejected(rule("$m : Methodology()", "    throw new Error( \"x\" );"), "java.lang.Error: x");
        assertRejected(HEAD + "function int deeper(int n) { return deeper( n + 1 ) + 1; }\n"
                + "rule \"extra\"\nwhen\n    $m : Methodology()\nthen\n    deeper( 0 );\nend\n", "StackOverflowError");
        assertRejected(rule("$m : Methodology()", "    throw new ExceptionInInitializerError( \"static\" );"), "ExceptionInInitializerError");
        assertRejected(rule("$m : Methodology()", "    throw new IllegalStateException( \"broken\" );"), "broken");
    }

    @Test
    void rulesThatFireWithoutEndAreEndedByTheirBudget() throws Exception {
        // Whichever comes first, the firings or the time (a cold JIT takes longer per firing).
        assertRejected(rule("$m : Methodology()", "    update( $m );"), "did not settle after 5000 firings", "did not finish within 500 ms");
    }

    @Test
    void aRuleThatNeverReturnsForOneUnitIsStoppedAndTheThreadIsFree() throws Exception {
        // Passes its golden cases (their units are not "slow"), then loops for one unit only.
        String drl = rule("$a : AnswerSheet( unit == \"slow\" )", "    long n = 0;\n    while ( n >= 0 ) { n = ( n + 1 ) % 1000; }");
        try (ScoreBudget budget = new ScoreBudget(ScoreBudget.MAX_FIRINGS, 200)) {
            Compilation c = withRule(drl, budget, 10_000);
            assertTrue(c.accepted(), () -> c.errors().toString());
            Map<String, BigDecimal> answers = Map.of("x1", bd(5), "x2", bd(1), "y1", bd(1));
            for (int round = 0; round < 3; round++) {
                long start = System.nanoTime();
                RuleOutcomeException e = assertThrows(RuleOutcomeException.class, () -> c.compiled().score(new Assessment("slow", answers)));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("were stopped"), e.getMessage());
                assertTrue(ms < 2_000, "stopped at twice its 200 ms budget, not left running: " + ms + " ms");
                // The same thread scores the next unit at once, on a fresh session.
                assertEquals("2.20", c.compiled().score(new Assessment("u", answers)).index().toPlainString());
            }
        }
    }

    @Test
    void goldenCasesOverTheirLimitAreRejectedAndTheirThreadIsStopped() throws Exception {
        // One rule that never returns for any unit, with a score budget far above the golden-case limit.
        String drl = rule("$m : Methodology()", "    long n = 0;\n    while ( n >= 0 ) { n = ( n + 1 ) % 1000; }");
        try (ScoreBudget budget = new ScoreBudget(ScoreBudget.MAX_FIRINGS, 600_000)) {
            Compilation c = withRule(drl, budget, 500);
            assertFalse(c.accepted());
            assertTrue(c.errors().stream().anyMatch(e -> e.message().startsWith("the golden cases did not finish within 0.5 s")), c.errors().toString());
            long deadline = System.currentTimeMillis() + 5_000;
            while (goldenCaseThreads() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(20);
            assertEquals(0, goldenCaseThreads(), "the golden-case thread is stopped, not left to burn");
        }
    }

    private static long goldenCaseThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("rapor-golden-cases") && t.isAlive()).count();
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }
}
