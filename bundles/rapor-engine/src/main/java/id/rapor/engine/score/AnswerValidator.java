package id.rapor.engine.score;

import id.rapor.engine.table.Numbers;

import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.fact.AnswerSheet;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks an assessment against the questionnaire before any rule runs. A missing answer is
 * an error, never a zero; every problem is reported, not just the first.
 */
public final class AnswerValidator {
    private final Methodology methodology;
    /** "expected one of 0, 1, …" per indicator, built once: this runs on every request. */
    private final Map<String, String> expectations = new HashMap<>();

    AnswerValidator(Methodology methodology) {
        this.methodology = methodology;
        for (Indicator i : methodology.getIndicators().values()) expectations.put(i.getId(), expectation(i));
    }

    private static String expectation(Indicator i) {
        AnswerRange r = i.getRange();
        if (r != null) {
            return "expected a number from " + Numbers.plain(r.min()) + " to " + Numbers.plain(r.max())
                    + " with at most " + r.decimals() + " decimals";
        }
        StringBuilder s = new StringBuilder("expected one of ");
        for (AnswerOption o : i.getOptions()) {
            if (s.length() > 16) s.append(", ");
            s.append(Numbers.plain(o.value()));
        }
        return s.toString();
    }

    /** The input as the rules' fact. */
    AnswerSheet validate(Assessment assessment) throws InvalidAssessmentException {
        List<FieldError> errors = new ArrayList<>(0);
        if (methodology.getInput() == InputKind.RESPONDENTS) {
            // Likewise an empty answers object is no answers.
            if (assessment.answers() != null && !assessment.answers().isEmpty()) {
                errors.add(new FieldError("answers", methodology.getId() + " is scored on respondents' answers: send respondents, not answers"));
            }
            List<Map<String, BigDecimal>> respondents = assessment.respondents();
            if (respondents == null || respondents.isEmpty()) {
                errors.add(new FieldError("respondents", "missing; expected a list of each respondent's answers"));
            } else {
                for (int k = 0; k < respondents.size(); k++) check(respondents.get(k), "respondents[" + k + "].", errors);
            }
        } else {
            // An empty list is no respondents: clients generated from the contract send "respondents": [] with answers.
            if (assessment.respondents() != null && !assessment.respondents().isEmpty()) {
                errors.add(new FieldError("respondents", methodology.getId() + " is scored on answers, not respondents"));
            }
            if (assessment.answers() == null) errors.add(new FieldError("answers", "missing; expected an object of indicator id to number"));
            else check(assessment.answers(), "answers.", errors);
        }
        if (!errors.isEmpty()) throw new InvalidAssessmentException(errors);
        return new AnswerSheet(assessment.unit(), assessment.answers(), assessment.respondents());
    }

    private void check(Map<String, BigDecimal> answers, String prefix, List<FieldError> errors) {
        int matched = 0;
        for (Indicator indicator : methodology.getIndicators().values()) {
            BigDecimal value = answers.get(indicator.getId());
            if (value == null) {
                if (indicator.isRequired()) {
                    errors.add(new FieldError(prefix + indicator.getId(), "missing answer; " + expectations.get(indicator.getId())));
                }
                continue;
            }
            matched++;
            if (!indicator.accepts(value)) {
                errors.add(new FieldError(prefix + indicator.getId(), Numbers.plain(value) + " is not an allowed answer; "
                        + expectations.get(indicator.getId())));
            }
        }
        if (matched < answers.size()) {
            for (String key : new TreeSet<>(answers.keySet())) {
                if (methodology.indicator(key) == null) {
                    errors.add(new FieldError(prefix + key, "unknown indicator; " + methodology.getId()
                            + " has indicators " + firstAndLast()));
                }
            }
        }
    }

    private String firstAndLast() {
        List<String> ids = List.copyOf(methodology.getIndicators().keySet());
        return ids.size() <= 3 ? String.join(", ", ids) : ids.get(0) + " … " + ids.get(ids.size() - 1);
    }
}
