package id.rapor.engine.table;

import static id.rapor.engine.source.RuleBundleLayout.*;

import id.rapor.api.model.AnswerOption;
import id.rapor.api.model.Aspect;
import id.rapor.api.model.Band;
import id.rapor.api.model.Indicator;
import id.rapor.api.model.InputKind;
import id.rapor.api.model.Methodology;
import id.rapor.api.model.Scale;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic a methodology's tables must satisfy before any rule runs: weights that add
 * up to 100, options inside the scale, and bands that cover the scale without overlap, each
 * band starting one unit of the last decimal after the one before (4.50 | 4.51).
 */
public final class TableChecks {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Problems problems;
    private final Map<String, Integer> lines;

    public TableChecks(Problems problems, Map<String, Integer> lines) {
        this.problems = problems;
        this.lines = lines;
    }

    public void check(Methodology m) {
        aspectWeights(m);
        for (Aspect a : m.getAspects()) indicatorWeights(a);
        // A survey's answers (SKM: 1–4) live on another scale than its index (25–100).
        if (m.getInput() == InputKind.ANSWERS) {
            for (Indicator i : m.getIndicators().values()) options(i, m.getScale());
        }
        bands(m.getBands(), m.getScale());
    }

    private void aspectWeights(Methodology m) {
        if (m.getAspects().isEmpty()) {
            problems.add(ASPECTS, 0, "no aspects");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Aspect a : m.getAspects()) {
            if (a.getWeight().signum() < 0) problems.add(ASPECTS, line("aspect:" + a.getId()), "weight must not be negative");
            if (a.getIndicators().isEmpty()) problems.add(ASPECTS, line("aspect:" + a.getId()), "aspect '" + a.getId() + "' has no indicators in " + INDICATORS);
            sum = sum.add(a.getWeight());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            problems.add(ASPECTS, 0, "aspect weights add up to " + Numbers.plain(sum) + ", expected 100");
        }
    }

    private void indicatorWeights(Aspect a) {
        if (a.getIndicators().isEmpty()) return;
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator i : a.getIndicators()) {
            if (i.getWeight().signum() < 0) problems.add(INDICATORS, line("indicator:" + i.getId()), "weight must not be negative");
            sum = sum.add(i.getWeight());
        }
        // An aspect with weight 0 holds information-only indicators, which weigh nothing.
        BigDecimal expected = a.getWeight().signum() == 0 ? BigDecimal.ZERO : a.getIndicatorTotal();
        if (sum.compareTo(expected) != 0) {
            problems.add(INDICATORS, line("indicator:" + a.getIndicators().get(0).getId()),
                    "indicator weights of aspect '" + a.getId() + "' add up to " + Numbers.plain(sum)
                            + ", expected " + Numbers.plain(expected)
                            + (expected.compareTo(HUNDRED) == 0 ? "" : " (its indicator_total in " + ASPECTS + ")"));
        }
    }

    private void options(Indicator i, Scale scale) {
        List<BigDecimal> values = new ArrayList<>();
        for (AnswerOption o : i.getOptions()) values.add(o.value());
        if (i.getRange() != null) values.addAll(List.of(i.getRange().min(), i.getRange().max()));
        for (BigDecimal value : values) {
            if (value.compareTo(scale.getMin()) < 0 || value.compareTo(scale.getMax()) > 0) {
                Integer line = lines.getOrDefault("options:" + i.getId(), lines.get("options:" + EVERY_INDICATOR));
                problems.add(OPTIONS, line == null ? 0 : line, "option " + Numbers.plain(value) + " of indicator '"
                        + i.getId() + "' lies outside the scale " + Numbers.plain(scale.getMin()) + "–" + Numbers.plain(scale.getMax()));
            }
        }
    }

    private void bands(List<Band> bands, Scale scale) {
        if (bands.isEmpty()) {
            problems.add(BANDS, 0, "no bands");
            return;
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale.getDecimals());
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::getMin));
        for (Band b : sorted) {
            if (b.getMin().compareTo(b.getMax()) > 0) {
                problems.add(BANDS, line("band:" + b.getCode()), "band '" + b.getCode() + "': min " + Numbers.plain(b.getMin()) + " is above max " + Numbers.plain(b.getMax()));
            }
            if (b.getMin().scale() > scale.getDecimals() || b.getMax().scale() > scale.getDecimals()) {
                problems.add(BANDS, line("band:" + b.getCode()), "band '" + b.getCode() + "' has more decimals than the index is rounded to (" + scale.getDecimals() + ")");
            }
        }
        Band first = sorted.get(0);
        if (first.getMin().compareTo(scale.getMin()) != 0) {
            problems.add(BANDS, line("band:" + first.getCode()), "the lowest band starts at " + Numbers.plain(first.getMin()) + ", expected the scale minimum " + Numbers.plain(scale.getMin()));
        }
        Band last = sorted.get(sorted.size() - 1);
        if (last.getMax().compareTo(scale.getMax()) != 0) {
            problems.add(BANDS, line("band:" + last.getCode()), "the highest band ends at " + Numbers.plain(last.getMax()) + ", expected the scale maximum " + Numbers.plain(scale.getMax()));
        }
        for (int k = 1; k < sorted.size(); k++) {
            Band below = sorted.get(k - 1);
            Band above = sorted.get(k);
            BigDecimal expectedMin = below.getMax().add(unit);
            int cmp = above.getMin().compareTo(expectedMin);
            if (cmp < 0) {
                problems.add(BANDS, line("band:" + above.getCode()), "band '" + above.getCode() + "' starts at " + Numbers.plain(above.getMin())
                        + " and overlaps band '" + below.getCode() + "', which ends at " + Numbers.plain(below.getMax()));
            } else if (cmp > 0) {
                problems.add(BANDS, line("band:" + above.getCode()), "gap: band '" + below.getCode() + "' ends at " + Numbers.plain(below.getMax())
                        + " so band '" + above.getCode() + "' must start at " + expectedMin.toPlainString() + ", not " + Numbers.plain(above.getMin()));
            }
        }
    }

    private int line(String key) {
        Integer line = lines.get(key);
        return line == null ? 0 : line;
    }
}
