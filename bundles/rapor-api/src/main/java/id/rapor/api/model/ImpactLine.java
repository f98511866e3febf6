package id.rapor.api.model;

import java.math.BigDecimal;

/** A unit whose index or band would change if the candidate revision were activated. */
public record ImpactLine(String unit, BigDecimal oldIndex, String oldBand, BigDecimal newIndex, String newBand, BigDecimal delta) {
}
