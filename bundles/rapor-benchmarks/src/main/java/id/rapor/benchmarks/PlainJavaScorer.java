package id.rapor.benchmarks;

import id.rapor.api.model.Aspect;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.Methodology;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The baseline: the same tables (weights, bands, rounding) applied by a plain Java loop with
 * the same exact arithmetic, and no rule engine, no validation, no explanation. What the
 * engine costs is measured against this.
 */
final class PlainJavaScorer {
    private final Methodology methodology;

    PlainJavaScorer(Methodology methodology) {
        this.methodology = methodology;
    }

    /** Returns the band code; the index is computed on the way. */
    String score(Map<String, BigDecimal> answers) {
        BigDecimal index = BigDecimal.ZERO;
        for (Aspect a : methodology.getAspects()) {
            BigDecimal aspect = BigDecimal.ZERO;
            for (Indicator i : a.getIndicators()) {
                BigDecimal answer = answers.get(i.getId());
                if (answer != null) aspect = aspect.add(answer.multiply(i.getWeight()).movePointLeft(2));
            }
            index = index.add(aspect.multiply(a.getWeight()).movePointLeft(2));
        }
        BigDecimal rounded = index.setScale(methodology.getScale().getDecimals(), RoundingMode.HALF_UP);
        for (Band b : methodology.getBands()) {
            if (b.contains(rounded)) return b.getCode();
        }
        throw new IllegalStateException("no band for " + rounded);
    }
}
