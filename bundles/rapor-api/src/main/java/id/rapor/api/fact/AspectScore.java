package id.rapor.api.fact;

import id.rapor.api.model.Aspect;
import java.math.BigDecimal;

/** An aspect's score on the answer scale and its contribution to the index. */
public final class AspectScore {
    private final Aspect aspect;
    private final BigDecimal score;
    private final BigDecimal contribution;

    public AspectScore(Aspect aspect, BigDecimal score, BigDecimal contribution) {
        this.aspect = aspect;
        this.score = score;
        this.contribution = contribution;
    }

    public Aspect getAspect() { return aspect; }
    public BigDecimal getScore() { return score; }
    public BigDecimal getContribution() { return contribution; }
}
