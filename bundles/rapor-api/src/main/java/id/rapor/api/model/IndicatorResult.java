package id.rapor.api.model;

import java.math.BigDecimal;

/**
 * An indicator's answer and its contribution to the index
 * ({@code answer × indicator weight / 100 × aspect weight / 100}); the contributions of all
 * indicators add up to the unrounded index.
 */
public record IndicatorResult(Indicator indicator, BigDecimal answer, BigDecimal contribution) {
}
