package id.rapor.engine.compile;

import id.rapor.engine.score.CompiledMethodology;
import id.rapor.engine.standalone.GoldenCase;
import id.rapor.engine.table.Problems;
import id.rapor.engine.score.RuleOutcomeException;

import static id.rapor.engine.source.RuleBundleLayout.GOLDEN_CASES;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.ScoreResult;
import java.util.List;

/**
 * Scores every golden case with a freshly compiled methodology and reports each mismatch on its
 * row. Each case scores under the methodology's {@link ScoreBudget}, and all of them together on
 * a thread of their own with a time limit: a compile that never returned would hold up every
 * later rule change. A thread over the limit is stopped, not left to burn.
 */
public final class GoldenCaseRunner {
    /** Sane rules take milliseconds for all their cases. */
    public static final long LIMIT_MILLIS = 30_000;

    private GoldenCaseRunner() {}

    /** Reports every failing case in {@code problems}; returns those that failed only by their numbers. */
    static List<GoldenChange> run(List<GoldenCase> cases, CompiledMethodology compiled, Problems problems, long limitMillis) {
        Problems found = new Problems();
        List<GoldenChange> moved = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread probe = new Thread(() -> {
            try {
                runAll(cases, compiled, found, moved);
            } catch (OutOfMemoryError e) {
                found.add(GOLDEN_CASES, 0, "the rules ran out of memory on the golden cases");
            } catch (ThreadDeath stopped) {
                // Stopped over the limit below: the limit's problem is reported there.
            } catch (Throwable e) {
                // Nothing the rules throw may pass for a clean run: a missing problem would accept them.
                found.add(GOLDEN_CASES, 0, "the rules failed on the golden cases: " + e);
            }
        }, "rapor-golden-cases");
        probe.setDaemon(true);
        probe.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        probe.start();
        try {
            probe.join(limitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (probe.isAlive()) {
            stop(probe);
            problems.add(GOLDEN_CASES, 0, "the golden cases did not finish within " + limitMillis / 1000.0
                    + " s: the rules compute without end, or far too long");
            return List.of();
        }
        found.list().forEach(problems::add);
        return List.copyOf(moved);
    }

    /**
     * The thread holds only this compile's objects (its rules are never served), so stopping it
     * harms nothing else; Java 20 and later cannot stop a thread, and then it is interrupted.
     */
    @SuppressWarnings("removal")
    private static void stop(Thread probe) {
        try {
            probe.stop();
        } catch (UnsupportedOperationException e) {
            probe.interrupt();
        }
    }

    private static void runAll(List<GoldenCase> cases, CompiledMethodology compiled, Problems problems, List<GoldenChange> moved) {
        for (GoldenCase c : cases) {
            try {
                ScoreResult result = compiled.score(c.assessment());
                boolean indexOk = result.index().compareTo(c.expectedIndex()) == 0;
                boolean bandOk = result.band().getCode().equals(c.expectedBand());
                if (!indexOk || !bandOk) {
                    moved.add(new GoldenChange(c.name(), c.line(), c.expectedIndex(), c.expectedBand(), result.index(), result.band().getCode()));
                    problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': expected " + c.expectedIndex().toPlainString()
                            + " " + c.expectedBand() + ", the rules give " + result.index().toPlainString() + " " + result.band().getCode());
                }
            } catch (InvalidAssessmentException e) {
                for (FieldError error : e.errors()) {
                    problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': " + error.field() + ": " + error.message());
                }
            } catch (RuleOutcomeException e) {
                problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': " + e.getMessage());
                // Rules that spent their budget would spend it again on every further case.
                if (e.budgetSpent()) return;
            } catch (RuntimeException e) {
                problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': the rules failed: " + e);
            }
        }
    }
}
