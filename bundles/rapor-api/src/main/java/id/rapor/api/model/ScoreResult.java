package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of scoring one assessment: the index rounded as the methodology says, the band
 * it falls in, the parts it was built from and a readable explanation, all from the rule
 * bundle version named here.
 */
public record ScoreResult(String methodologyId, String methodologyVersion, String unit,
                          BigDecimal index, BigDecimal unroundedIndex, Band band,
                          List<AspectResult> aspects, List<IndicatorResult> indicators,
                          List<String> explanation) {
}
