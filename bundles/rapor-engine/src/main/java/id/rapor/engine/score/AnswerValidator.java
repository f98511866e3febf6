package id.rapor.engine.score;


import id.rapor.api.FieldError;
import id.rapor.api.InvalidAssessmentException;
import id.rapor.api.fact.AnswerSheet;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.text.Message;
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
    private final Map<String, Message> expectations = new HashMap<>();

    AnswerValidator(Methodology methodology) {
        this.methodology = methodology;
        for (Indicator i : methodology.getIndicators().values()) expectations.put(i.getId(), expectation(i));
    }

    private static Message expectation(Indicator i) {
        AnswerRange r = i.getRange();
        if (r != null) return Message.of("answer.expected.range", r.min(), r.max(), r.decimals());
        List<BigDecimal> values = new ArrayList<>(i.getOptions().size());
        for (AnswerOption o : i.getOptions()) values.add(o.value());
        return Message.of("answer.expected.options", values);
    }

    /** The input as the rules' fact. */
    AnswerSheet validate(Assessment assessment) throws InvalidAssessmentException {
        List<FieldError> errors = new ArrayList<>(0);
        if (methodology.getInput() == InputKind.RESPONDENTS) {
            // Likewise an empty answers object is no answers.
            if (assessment.answers() != null && !assessment.answers().isEmpty()) {
                errors.add(FieldError.of("answers", "answers.notForSurvey", methodology.getId()));
            }
            List<Map<String, BigDecimal>> respondents = assessment.respondents();
            if (respondents == null || respondents.isEmpty()) {
                errors.add(FieldError.of("respondents", "respondents.missing"));
            } else {
                for (int k = 0; k < respondents.size(); k++) check(respondents.get(k), "respondents[" + k + "].", errors);
            }
        } else {
            // An empty list is no respondents: clients generated from the contract send "respondents": [] with answers.
            if (assessment.respondents() != null && !assessment.respondents().isEmpty()) {
                errors.add(FieldError.of("respondents", "respondents.notForAnswers", methodology.getId()));
            }
            if (assessment.answers() == null) errors.add(FieldError.of("answers", "answers.missing"));
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
                    errors.add(FieldError.of(prefix + indicator.getId(), "answer.missing", indicator.getId(), expectations.get(indicator.getId())));
                }
                continue;
            }
            matched++;
            if (!indicator.accepts(value)) {
                errors.add(FieldError.of(prefix + indicator.getId(), "answer.notAllowed", value.stripTrailingZeros(),
                        expectations.get(indicator.getId())));
            }
        }
        if (matched < answers.size()) {
            for (String key : new TreeSet<>(answers.keySet())) {
                if (methodology.indicator(key) == null) {
                    errors.add(FieldError.of(prefix + key, "answer.unknownIndicator", methodology.getId(), firstAndLast()));
                }
            }
        }
    }

    private List<String> firstAndLast() {
        List<String> ids = List.copyOf(methodology.getIndicators().keySet());
        return ids.size() <= 3 ? ids : List.of(ids.get(0) + " … " + ids.get(ids.size() - 1));
    }
}
