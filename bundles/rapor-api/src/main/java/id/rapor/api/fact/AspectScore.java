package id.rapor.api.fact;

import id.rapor.api.model.Aspect;
import java.math.BigDecimal;
import java.util.List;

/**
 * An aspect's score on the answer scale, its contribution to the index, and the scores of the
 * indicators it was built from.
 */
public final class AspectScore {
    private final Aspect aspect;
    private final BigDecimal score;
    private final BigDecimal contribution;
    private final List<IndicatorScore> indicators;

    public AspectScore(Aspect aspect, BigDecimal score, BigDecimal contribution, List<IndicatorScore> indicators) {
        this.aspect = aspect;
        this.score = score;
        this.contribution = contribution;
        this.indicators = List.copyOf(indicators);
    }

    public Aspect getAspect() { return aspect; }
    public BigDecimal getScore() { return score; }
    public BigDecimal getContribution() { return contribution; }
    public List<IndicatorScore> getIndicators() { return indicators; }
}
