package id.rapor.api.fact;

import id.rapor.api.model.Indicator;
import java.math.BigDecimal;

/** A validated answer to one indicator: the rules' input. */
public final class Answer {
    private final Indicator indicator;
    private final BigDecimal value;

    public Answer(Indicator indicator, BigDecimal value) {
        this.indicator = indicator;
        this.value = value;
    }

    public Indicator getIndicator() { return indicator; }
    public BigDecimal getValue() { return value; }
}
