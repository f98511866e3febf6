package id.rapor.api.model;

import java.math.BigDecimal;

/**
 * A golden case a revision's tables moved: its answers still score, only to another index or
 * band than golden-cases.csv expects. {@code line} is the case's (first) row in that table.
 * A revision rejected for such cases alone can have them accepted as the new expected values.
 */
public record GoldenChange(String caseName, int line, BigDecimal oldIndex, String oldBand, BigDecimal newIndex, String newBand) {

    /** "'a' 2.97 C → 2.97 C-; 'b' …": old and new side by side, as comments and the audit trail say it. */
    public static String describe(java.util.List<GoldenChange> changes) {
        StringBuilder s = new StringBuilder();
        for (GoldenChange c : changes) {
            if (s.length() > 0) s.append("; ");
            s.append('\'').append(c.caseName()).append("' ").append(c.oldIndex().toPlainString()).append(' ').append(c.oldBand())
                    .append(" → ").append(c.newIndex().toPlainString()).append(' ').append(c.newBand());
        }
        return s.toString();
    }
}
