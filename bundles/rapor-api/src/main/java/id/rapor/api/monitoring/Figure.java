package id.rapor.api.monitoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number as the methodology prints it ({@code printed}: an index to its scale's decimals,
 * half-up) and as computed ({@code exact}: a mean or a ratio to 34 significant digits). A unit's
 * official index is stored as printed, so both are the same there.
 */
public record Figure(BigDecimal printed, BigDecimal exact) {
    public Figure {
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(exact, "exact");
    }

    /** A number that is exactly as printed. */
    public static Figure of(BigDecimal value) {
        return new Figure(value, value);
    }

    /** A stored index as its methodology prints it: with the scale's {@code decimals} (95 stored is 95.00), never cut. */
    public static BigDecimal printed(BigDecimal stored, int decimals) {
        BigDecimal plain = stored.stripTrailingZeros();
        if (plain.scale() < 0) plain = plain.setScale(0);
        return plain.scale() < decimals ? plain.setScale(decimals) : plain;
    }
}
