package id.rapor.api.records;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An assessment's score without its answers or score document: what a region's figures are made
 * of (the monitoring reads thousands of these at once).
 */
public record RoundScore(long id, String unitId, int year, AssessmentRole role, AssessmentState state, String methodologyId,
                         String methodologyVersion, Integer revision, BigDecimal index, String bandCode, String bandLabel) {
    public RoundScore {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(methodologyId, "methodologyId");
        Objects.requireNonNull(index, "index");
    }
}
