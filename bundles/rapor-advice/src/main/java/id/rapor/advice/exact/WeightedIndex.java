package id.rapor.advice.exact;

import id.rapor.api.model.Aspect;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A methodology's index as its tables define it, per indicator: the shared rule text
 * (common/weighted-index) scores an aspect as {@code Σ weight × answer / indicator total} and
 * the index as {@code Σ aspect weight / 100 × aspect score}, so each answer point of indicator
 * i is worth exactly {@code aspect weight × weight / (100 × indicator total)} index points, and
 * information-only aspects (weight 0) nothing. This class holds those worths; the planner and
 * the comparison check every index it gives against the rules' own score, so a bundle whose
 * rules compute otherwise (a survey, own rule text) is refused, never advised wrongly.
 */
public final class WeightedIndex {
    private static final Fraction HUNDRED = Fraction.of(BigDecimal.valueOf(100));

    private final Methodology methodology;
    private final Map<String, Fraction> worth = new LinkedHashMap<>();

    public WeightedIndex(Methodology methodology) {
        this.methodology = methodology;
        for (Aspect a : methodology.getAspects()) {
            Fraction aspectShare = Fraction.of(a.getWeight()).divide(HUNDRED.multiply(Fraction.of(a.getIndicatorTotal())));
            for (Indicator i : a.getIndicators()) worth.put(i.getId(), aspectShare.multiply(Fraction.of(i.getWeight())));
        }
    }

    /** Whether the index is made of one answer per indicator (not of survey respondents' answers). */
    public static boolean answersDriven(Methodology m) {
        return m.getInput() == InputKind.ANSWERS;
    }

    public Methodology methodology() { return methodology; }

    /** Index points per answer point of the indicator (0 for information only, or an unknown id). */
    public Fraction worth(String indicatorId) {
        return worth.getOrDefault(indicatorId, Fraction.ZERO);
    }

    /** The unrounded index of {@code answers} (unanswered indicators add nothing). */
    public Fraction index(Map<String, BigDecimal> answers) {
        Fraction sum = Fraction.ZERO;
        for (var e : worth.entrySet()) {
            BigDecimal a = answers.get(e.getKey());
            if (a != null && e.getValue().signum() != 0) sum = sum.add(e.getValue().multiply(Fraction.of(a)));
        }
        return sum;
    }

    /** The index rounded as the methodology rounds it before banding. */
    public BigDecimal rounded(Fraction unrounded) {
        return unrounded.round(methodology.getScale().getDecimals());
    }
}
