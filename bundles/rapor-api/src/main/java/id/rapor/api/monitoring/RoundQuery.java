package id.rapor.api.monitoring;

import java.util.Objects;

/**
 * Which round of which region: {@code family} or {@code methodology} (or both, which must agree),
 * the {@code year}, and the band at or below which a unit needs guidance ({@code atOrBelow}; null:
 * {@value #DEFAULT_AT_OR_BELOW} where the methodology has that band).
 */
public record RoundQuery(String region, String family, String methodology, int year, String atOrBelow) {
    /** "Prioritas Pembinaan" starts at C on the dashboards regions use (the mayor's "offices at C or below"). */
    public static final String DEFAULT_AT_OR_BELOW = "C";

    public RoundQuery {
        Objects.requireNonNull(region, "region");
        if (family == null && methodology == null) throw new IllegalArgumentException("a family or a methodology");
    }
}
