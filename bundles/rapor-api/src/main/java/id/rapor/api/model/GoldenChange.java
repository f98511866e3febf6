package id.rapor.api.model;

import java.math.BigDecimal;

/**
 * A golden case a revision's tables moved: its answers still score, only to another index or
 * band than golden-cases.csv expects. {@code line} is the case's (first) row in that table.
 * A revision rejected for such cases alone can have them accepted as the new expected values.
 */
public record GoldenChange(String caseName, int line, BigDecimal oldIndex, String oldBand, BigDecimal newIndex, String newBand) {
}
