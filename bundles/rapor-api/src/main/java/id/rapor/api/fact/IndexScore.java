package id.rapor.api.fact;

import java.math.BigDecimal;

/** The index before and after rounding; bands are chosen on the rounded value. */
public final class IndexScore {
    private final BigDecimal unrounded;
    private final BigDecimal value;

    public IndexScore(BigDecimal unrounded, BigDecimal value) {
        this.unrounded = unrounded;
        this.value = value;
    }

    public BigDecimal getUnrounded() { return unrounded; }
    public BigDecimal getValue() { return value; }
}
