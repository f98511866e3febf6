package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a unit is scored on: its answers to the indicators, keyed by indicator id, or, for a
 * survey methodology (SKM), each respondent's answers. The methodology says which it takes.
 */
public record Assessment(String unit, Map<String, BigDecimal> answers, List<Map<String, BigDecimal>> respondents) {
    public Assessment {
        answers = answers == null ? null : answers;
        respondents = respondents == null ? null : List.copyOf(respondents);
    }

    /** An assessment by answers, as PEKPPP and the Ombudsman take it. */
    public Assessment(String unit, Map<String, BigDecimal> answers) {
        this(unit, Objects.requireNonNull(answers, "answers"), null);
    }
}
