package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** A unit's answers to a methodology's indicators, keyed by indicator id. */
public record Assessment(String unit, Map<String, BigDecimal> answers) {
    public Assessment {
        Objects.requireNonNull(answers, "answers");
    }
}
