package id.rapor.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * How the regulation prints its numbers: decimals per kind of number (half-up), as the rule
 * bundle declares them ({@code print.<kind>} in methodology.properties). The kinds are
 * {@value #INDEX_UNROUNDED}, {@value #ASPECT_SCORE}, {@value #ASPECT_CONTRIBUTION},
 * {@value #INDICATOR_ANSWER} and {@value #INDICATOR_CONTRIBUTION}; a kind not declared is
 * printed exactly. Scoring is always exact: this is for answers only.
 */
public final class Presentation {
    public static final String INDEX_UNROUNDED = "index.unrounded";
    public static final String ASPECT_SCORE = "aspect.score";
    public static final String ASPECT_CONTRIBUTION = "aspect.contribution";
    public static final String INDICATOR_ANSWER = "indicator.answer";
    public static final String INDICATOR_CONTRIBUTION = "indicator.contribution";
    public static final java.util.Set<String> KINDS = java.util.Set.of(INDEX_UNROUNDED, ASPECT_SCORE, ASPECT_CONTRIBUTION,
            INDICATOR_ANSWER, INDICATOR_CONTRIBUTION);

    /** Every number as computed. */
    public static final Presentation EXACT = new Presentation(Map.of());

    private final Map<String, Integer> decimals;

    public Presentation(Map<String, Integer> decimals) {
        this.decimals = Map.copyOf(decimals);
    }

    /** Decimals per kind, as declared. */
    public Map<String, Integer> decimals() { return decimals; }

    /** The number as the regulation prints a number of this kind; the number itself where the kind is not declared. */
    public BigDecimal present(String kind, BigDecimal exact) {
        Integer d = kind == null ? null : decimals.get(kind);
        if (d == null || exact == null || exact.scale() <= d) return exact;
        // The unrounded index is cut, not rounded: rounding it first could move it across the
        // half that decides the index (4.50499 shown as 4.505 would seem to round up).
        return exact.setScale(d, kind.equals(INDEX_UNROUNDED) ? RoundingMode.DOWN : RoundingMode.HALF_UP);
    }
}
