package id.rapor.api.model;

import java.math.BigDecimal;

/**
 * An aspect's score on the answer scale and its contribution to the index
 * ({@code score × weight / 100}).
 */
public record AspectResult(Aspect aspect, BigDecimal score, BigDecimal contribution) {
}
