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
}
