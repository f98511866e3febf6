package id.rapor.engine.internal;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.fact.AnswerSheet;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks an assessment against the questionnaire before any rule runs. A missing answer is
 * an error, never a zero; every problem is reported, not just the first.
 */
final class AnswerValidator {
    private final Methodology methodology;
    /** "expected one of 0, 1, …" per indicator, built once: this runs on every request. */
    private final Map<String, String> expectations;

    AnswerValidator(Methodology methodology) {
        this.methodology = methodology;
        Map<String, String> expected = new java.util.HashMap<>();
        for (Indicator i : methodology.getIndicators().values()) {
            StringBuilder s = new StringBuilder("expected one of ");
            for (AnswerOption o : i.getOptions()) {
                if (s.length() > 16) s.append(", ");
                s.append(Numbers.plain(o.value()));
            }
            expected.put(i.getId(), s.toString());
        }
        this.expectations = Map.copyOf(expected);
    }

    /** The answers as the rules' input fact. */
    AnswerSheet validate(Assessment assessment) throws InvalidAssessmentException {
        Map<String, BigDecimal> answers = assessment.answers();
        List<FieldError> errors = null;
        int matched = 0;
        for (Indicator indicator : methodology.getIndicators().values()) {
            BigDecimal value = answers.get(indicator.getId());
            String error = null;
            if (value != null) matched++;
            if (value == null) {
                if (indicator.isRequired()) error = "missing answer; " + expectations.get(indicator.getId());
            } else if (indicator.option(value) == null) {
                error = Numbers.plain(value) + " is not an answer option; " + expectations.get(indicator.getId());
            }
            if (error != null) {
                if (errors == null) errors = new ArrayList<>();
                errors.add(new FieldError("answers." + indicator.getId(), error));
            }
        }
        if (matched < answers.size()) {
            // Some keys are not indicators of this methodology.
            if (errors == null) errors = new ArrayList<>();
            for (String key : new TreeSet<>(answers.keySet())) {
                if (methodology.indicator(key) == null) {
                    errors.add(new FieldError("answers." + key, "unknown indicator; " + methodology.getId()
                            + " has indicators " + firstAndLast()));
                }
            }
        }
        if (errors != null) throw new InvalidAssessmentException(errors);
        return new AnswerSheet(assessment.unit(), answers);
    }

    private String firstAndLast() {
        List<String> ids = List.copyOf(methodology.getIndicators().keySet());
        return ids.size() <= 3 ? String.join(", ", ids) : ids.get(0) + " … " + ids.get(ids.size() - 1);
    }
}
