package id.rapor.api.model;

import java.math.BigDecimal;
import id.rapor.api.text.Message;
import java.util.List;

/**
 * The outcome of scoring one assessment: the index rounded as the methodology says, the band
 * it falls in, the parts it was built from and a readable explanation, all from the rule
 * bundle version named here. Numbers are exact; {@code presentation} says how the regulation
 * prints them, and the explanation is said in the reader's language when the answer is written.
 */
public record ScoreResult(String methodologyId, String methodologyVersion, String unit,
                          BigDecimal index, BigDecimal unroundedIndex, Band band,
                          List<AspectResult> aspects, List<IndicatorResult> indicators,
                          List<Message> explanation, Presentation presentation) {
}
