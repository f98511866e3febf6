package id.rapor.engine.internal;

import static id.rapor.engine.internal.RuleBundleLayout.GOLDEN_CASES;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.ScoreResult;
import java.util.List;

/**
 * Scores every golden case with a freshly compiled methodology and reports each mismatch on its
 * row. The cases run on a thread of their own with a time limit: rule text is checked before it
 * is compiled, but no check of text can prove that allowed arithmetic ends soon, and a compile
 * that never returned would hold up every later rule change.
 */
final class GoldenCaseRunner {
    /** Sane rules take milliseconds for all their cases. */
    static final long LIMIT_MILLIS = 30_000;

    private GoldenCaseRunner() {}

    static void run(List<GoldenCase> cases, CompiledMethodology compiled, Problems problems, long limitMillis) {
        Problems found = new Problems();
        Thread probe = new Thread(() -> {
            try {
                runAll(cases, compiled, found);
            } catch (OutOfMemoryError e) {
                found.add(GOLDEN_CASES, 0, "the rules ran out of memory on the golden cases");
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
            // It cannot be stopped safely: it is left to end on its own, and its rules are never served.
            probe.interrupt();
            problems.add(GOLDEN_CASES, 0, "the golden cases did not finish within " + limitMillis / 1000.0
                    + " s: the rules compute without end, or far too long");
            return;
        }
        found.list().forEach(problems::add);
    }

    private static void runAll(List<GoldenCase> cases, CompiledMethodology compiled, Problems problems) {
        for (GoldenCase c : cases) {
            try {
                ScoreResult result = compiled.score(c.assessment());
                boolean indexOk = result.index().compareTo(c.expectedIndex()) == 0;
                boolean bandOk = result.band().getCode().equals(c.expectedBand());
                if (!indexOk || !bandOk) {
                    problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': expected " + c.expectedIndex().toPlainString()
                            + " " + c.expectedBand() + ", the rules give " + result.index().toPlainString() + " " + result.band().getCode());
                }
            } catch (InvalidAssessmentException e) {
                for (FieldError error : e.errors()) {
                    problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': " + error.field() + ": " + error.message());
                }
            } catch (RuleOutcomeException e) {
                problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': the rules failed: " + e.getMessage());
                // Rules that do not settle would spend their whole firing limit on every further case.
                if (e.unsettled()) return;
            } catch (RuntimeException e) {
                problems.add(GOLDEN_CASES, c.line(), "case '" + c.name() + "': the rules failed: " + e.getMessage());
            }
        }
    }
}
