package id.rapor.engine.table;

import java.math.BigDecimal;

public final class Numbers {
    private Numbers() {}

    /** Parses a decimal as policy staff write it ("17", "21.85"); a comma as decimal separator is refused explicitly. */
    static BigDecimal parse(String value, String file, int line, int column, String what, Problems problems) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            String hint = value.contains(",") ? " (use a point as the decimal separator)" : "";
            problems.add(file, line, column, what + ": '" + value + "' is not a number" + hint);
            return null;
        }
    }

    /**
     * The plain form of a number without trailing zeros: 17.00 → "17", 0.2040 → "0.204".
     * Absurd magnitudes (an answer of 1e999999999) stay in scientific notation: written out
     * plainly they would take gigabytes.
     */
    public static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (Math.abs(stripped.scale()) > 30) return stripped.toString();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
