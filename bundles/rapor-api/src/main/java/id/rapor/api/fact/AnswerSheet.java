package id.rapor.api.fact;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A unit's validated answers, inserted as one fact: every answer is known to be an option of
 * an indicator of the methodology, and every required indicator is answered. One fact per
 * assessment rather than one per answer keeps a score to a handful of rule activations.
 */
public final class AnswerSheet {
    private final String unit;
    private final Map<String, BigDecimal> answers;

    public AnswerSheet(String unit, Map<String, BigDecimal> answers) {
        this.unit = unit;
        this.answers = Map.copyOf(answers);
    }

    public String getUnit() { return unit; }

    /** The answer to an indicator, or null if it was not answered (only information-only ones may be). */
    public BigDecimal answer(String indicatorId) { return answers.get(indicatorId); }

    public Map<String, BigDecimal> getAnswers() { return answers; }
}
