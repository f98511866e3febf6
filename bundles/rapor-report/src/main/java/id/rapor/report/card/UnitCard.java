package id.rapor.report.card;

import id.rapor.api.advice.Plan;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Unit;
import id.rapor.api.text.Message;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a unit's report card says, gathered from the records, the monitoring's rule of change and
 * the planner; the PDF and the workbook write the same facts. {@code official} is null when the
 * round has no official score ({@code pending}: something was entered, nothing is final).
 */
public record UnitCard(Unit unit, String family, int year, int decimals, Official official, boolean pending,
                       Map<AssessmentRole, BigDecimal> roles, Previous previous, Advice advice) {
    public UnitCard {
        roles = Map.copyOf(roles);
    }

    /** The round's official score and what it is made of, as the score document stored with it says; {@code scaleMax}: the top of its scale (null: unknown). */
    public record Official(long assessment, AssessmentRole role, BigDecimal index, String bandCode, String bandLabel,
                           MethodVersion methodology, String title, BigDecimal scaleMax, List<AspectLine> aspects,
                           List<IndicatorLine> indicators) {
        public Official {
            aspects = List.copyOf(aspects);
            indicators = List.copyOf(indicators);
        }
    }

    /** An aspect's weight, score and contribution to the index, as printed. */
    public record AspectLine(String id, String name, BigDecimal weight, BigDecimal score, BigDecimal contribution) {}

    /** An indicator's answer and weight (a percentage of its aspect) and its contribution, as printed. */
    public record IndicatorLine(String id, String code, String name, String aspect, BigDecimal answer, BigDecimal weight,
                                BigDecimal contribution) {}

    /** The unit's official score of its previous round, and the change since (saying whether the methodology changed). */
    public record Previous(int year, BigDecimal index, String bandCode, String bandLabel, Change change) {}

    /** The planner's answer ({@code plan}), or why there is none ({@code none}). */
    public record Advice(Plan plan, Message none) {}

    /** Self − evaluator, where both exist. */
    public BigDecimal gap() {
        BigDecimal self = roles.get(AssessmentRole.SELF);
        BigDecimal evaluator = roles.get(AssessmentRole.EVALUATOR);
        return self == null || evaluator == null ? null : self.subtract(evaluator);
    }
}
