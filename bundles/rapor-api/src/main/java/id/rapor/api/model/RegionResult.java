package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A region's units scored together: each unit's outcome, the region's score as the methodology
 * aggregates it (null if no unit could be scored), how many units fall in each band (highest
 * band first), and, when asked, the units at or below a band ("offices at C or below").
 */
public record RegionResult(String methodologyId, String methodologyVersion, String region,
                           List<UnitOutcome> units, String aggregation, BigDecimal score, Band band,
                           Map<String, Integer> unitsPerBand, String atOrBelow, List<String> unitsAtOrBelow) {
}
