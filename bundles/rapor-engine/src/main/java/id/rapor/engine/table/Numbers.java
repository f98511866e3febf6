package id.rapor.engine.table;

import java.math.BigDecimal;

public final class Numbers {
    private Numbers() {}

    /**
     * The most digits, and the largest exponent either way, a table number may have. The
     * regulations' numbers have a handful; 1E+10000000 (eleven characters) would make every sum and
     * comparison of the checks take hours on the one compile thread, so such a number is refused.
     */
    static final int MAX_DIGITS = 30;

    /** Parses a decimal as policy staff write it ("17", "21.85"); a comma as decimal separator is refused explicitly. */
    static BigDecimal parse(String value, String file, int line, int column, String what, Problems problems) {
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.precision() > MAX_DIGITS || Math.abs(number.scale()) > MAX_DIGITS) {
                problems.add(file, line, column, what + ": '" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
                        + "' has more than " + MAX_DIGITS + " digits, or an exponent beyond them: no regulation's number is that large or that fine");
                return null;
            }
            return number;
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
