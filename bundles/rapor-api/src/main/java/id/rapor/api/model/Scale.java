package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** The range of the index and the number of decimals it is rounded to (half-up) before banding. */
public final class Scale {
    private final BigDecimal min;
    private final BigDecimal max;
    private final int decimals;

    public Scale(BigDecimal min, BigDecimal max, int decimals) {
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.decimals = decimals;
    }

    public BigDecimal getMin() { return min; }
    public BigDecimal getMax() { return max; }
    public int getDecimals() { return decimals; }

    /** {@code value} as the methodology rounds an index: to its decimals, half-up (a unit's index, a region's mean). */
    public BigDecimal round(BigDecimal value) {
        return value.setScale(decimals, java.math.RoundingMode.HALF_UP);
    }
}
