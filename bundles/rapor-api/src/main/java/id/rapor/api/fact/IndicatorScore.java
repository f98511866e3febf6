package id.rapor.api.fact;

import id.rapor.api.model.Indicator;
import java.math.BigDecimal;

/**
 * What one answer is worth: {@code points} within its aspect (answer × weight / 100) and its
 * {@code contribution} to the index (points × aspect weight / 100).
 */
public final class IndicatorScore {
    private final Indicator indicator;
    private final BigDecimal answer;
    private final BigDecimal points;
    private final BigDecimal contribution;

    public IndicatorScore(Indicator indicator, BigDecimal answer, BigDecimal points, BigDecimal contribution) {
        this.indicator = indicator;
        this.answer = answer;
        this.points = points;
        this.contribution = contribution;
    }

    public Indicator getIndicator() { return indicator; }
    public String getAspectId() { return indicator.getAspectId(); }
    public BigDecimal getAnswer() { return answer; }
    public BigDecimal getPoints() { return points; }
    public BigDecimal getContribution() { return contribution; }
}
