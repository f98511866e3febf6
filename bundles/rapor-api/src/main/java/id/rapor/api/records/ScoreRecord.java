package id.rapor.api.records;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A score as it was given when an assessment was stored, pinned to what computed it: the
 * methodology, its version and the rule revision (null: the rule bundle as shipped).
 * {@code document} is the score exactly as the score endpoint answered it (JSON).
 */
public record ScoreRecord(String methodologyId, String methodologyVersion, Integer revision,
                          BigDecimal index, String bandCode, String bandLabel, String document) {
    public ScoreRecord {
        Objects.requireNonNull(methodologyId, "methodologyId");
        Objects.requireNonNull(methodologyVersion, "methodologyVersion");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(bandCode, "bandCode");
        Objects.requireNonNull(document, "document");
    }
}
