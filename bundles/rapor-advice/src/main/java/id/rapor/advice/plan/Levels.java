package id.rapor.advice.plan;

import id.rapor.advice.exact.Fraction;
import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.AnswerRange;
import id.rapor.api.model.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answers an indicator can be raised to, and how many steps each is. With options (PEKPPP's
 * levels 0-5) a step is one option up, and the level's descriptor is the options table's label.
 * With a numeric range (the Ombudsman's 0-100 achievements) a step is one whole point, the last
 * step stopping at the range's top; the descriptor is the range's label.
 */
final class Levels {
    private Levels() {}

    static List<Choice> above(Indicator indicator, BigDecimal from, BigDecimal costPerStep, Fraction worth) {
        List<Choice> choices = new ArrayList<>();
        AnswerRange range = indicator.getRange();
        if (range != null) {
            int steps = 0;
            for (BigDecimal to = from; to.compareTo(range.max()) < 0; ) {
                BigDecimal next = to.add(BigDecimal.ONE);
                to = next.compareTo(range.max()) > 0 ? range.max() : next;
                steps++;
                choices.add(choice(from, to, steps, costPerStep, worth, range.label()));
            }
            return choices;
        }
        List<AnswerOption> options = new ArrayList<>(indicator.getOptions());
        options.sort(Comparator.comparing(AnswerOption::value));
        int steps = 0;
        for (AnswerOption o : options) {
            if (o.value().compareTo(from) <= 0) continue;
            steps++;
            choices.add(choice(from, o.value(), steps, costPerStep, worth, o.label()));
        }
        return choices;
    }

    private static Choice choice(BigDecimal from, BigDecimal to, int steps, BigDecimal costPerStep, Fraction worth, String descriptor) {
        return new Choice(to, steps, costPerStep.multiply(BigDecimal.valueOf(steps)), worth.multiply(Fraction.of(to.subtract(from))),
                descriptor);
    }
}
