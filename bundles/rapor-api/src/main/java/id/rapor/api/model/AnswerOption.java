package id.rapor.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One allowed answer to an indicator, with the level descriptor the regulation gives it. */
public record AnswerOption(BigDecimal value, String label) {
    public AnswerOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
