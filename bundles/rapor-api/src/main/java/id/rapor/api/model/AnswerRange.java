package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** Any number from {@code min} to {@code max} inclusive, with at most {@code decimals} decimals. */
public record AnswerRange(BigDecimal min, BigDecimal max, int decimals, String label) {
    public AnswerRange {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(label, "label");
    }

    public boolean contains(BigDecimal value) {
        return min.compareTo(value) <= 0 && max.compareTo(value) >= 0
                && value.stripTrailingZeros().scale() <= decimals;
    }
}
