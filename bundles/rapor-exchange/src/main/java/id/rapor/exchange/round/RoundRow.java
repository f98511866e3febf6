package id.rapor.exchange.round;

import id.rapor.api.records.AssessmentRole;
import java.math.BigDecimal;
import java.util.Map;

/** One assessment to import: its row in the sheet, the unit, the role, the answers and the comment (null if none). */
public record RoundRow(int row, String unitId, AssessmentRole role, Map<String, BigDecimal> answers, String comment) {
    public RoundRow {
        answers = Map.copyOf(answers);
    }
}
