package id.rapor.engine.internal;

import static id.rapor.engine.internal.RuleBundleLayout.GOLDEN_CASES;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.model.ScoreResult;
import java.util.List;

/** Scores every golden case with a freshly compiled methodology and reports each mismatch on its row. */
final class GoldenCaseRunner {
    private GoldenCaseRunner() {}

    static void run(List<GoldenCase> cases, CompiledMethodology compiled, Problems problems) {
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
