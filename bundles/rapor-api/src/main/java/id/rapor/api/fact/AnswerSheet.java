package id.rapor.api.fact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A unit's validated input, inserted as one fact: every answer is known to be allowed for an
 * indicator of the methodology, and every required indicator is answered (by every respondent,
 * for a survey). One fact per assessment rather than one per answer keeps a score to a handful
 * of rule activations.
 */
public final class AnswerSheet {
    private final String unit;
    private final Map<String, BigDecimal> answers;
    private final List<Map<String, BigDecimal>> respondents;

    public AnswerSheet(String unit, Map<String, BigDecimal> answers, List<Map<String, BigDecimal>> respondents) {
        this.unit = unit;
        this.answers = answers == null ? Map.of() : answers;
        this.respondents = respondents == null ? List.of() : respondents;
    }

    public String getUnit() { return unit; }

    /** The answer to an indicator, or null if it was not answered (only information-only ones may be). */
    public BigDecimal answer(String indicatorId) { return answers.get(indicatorId); }

    public Map<String, BigDecimal> getAnswers() { return answers; }

    /** For a survey: each respondent's answers, keyed by indicator (element) id. */
    public List<Map<String, BigDecimal>> getRespondents() { return respondents; }
}
