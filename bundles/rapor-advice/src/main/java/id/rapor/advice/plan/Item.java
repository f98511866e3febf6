package id.rapor.advice.plan;

import java.math.BigDecimal;
import java.util.List;

/** One indicator that may be raised: its answer now and the answers above it, fewest levels first. */
public record Item(String indicator, BigDecimal from, List<Choice> choices) {
    public Item {
        choices = List.copyOf(choices);
    }
}
