package id.rapor.api.report;

import java.util.Objects;

/** Whose report card of which round: a unit, the {@code year}, and the {@code family} or {@code methodology} (or both, which must agree). */
public record UnitReportQuery(String unit, String family, String methodology, int year) {
    public UnitReportQuery {
        Objects.requireNonNull(unit, "unit");
        if (family == null && methodology == null) throw new IllegalArgumentException("a family or a methodology");
    }
}
