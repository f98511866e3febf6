package id.rapor.monitoring;

import id.rapor.api.model.Scale;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.records.RoundScore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The arithmetic of the figures: a region's mean, and the change from one round to the next. */
final class Figures {
    private Figures() {}

    /** A stored index as its methodology prints it: with the scale's decimals (95 stored is 95.00), never cut. */
    static BigDecimal printed(BigDecimal stored, int decimals) {
        return Figure.printed(stored, decimals);
    }

    /**
     * The mean of units' indices (as printed), as the methodology aggregates a region: exact, and
     * rounded like an index (the scale's decimals, half-up). Null for no units: nothing is divided by zero.
     */
    static Figure mean(Collection<BigDecimal> indices, Scale scale) {
        if (indices.isEmpty()) return null;
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal i : indices) sum = sum.add(i);
        BigDecimal exact = sum.divide(BigDecimal.valueOf(indices.size()), MathContext.DECIMAL128);
        return new Figure(scale.round(exact), exact);
    }

    /** The change from {@code before} to {@code now}: the API's one rule ({@link Change#between}). */
    static Change change(Figure now, Figure before, int decimals, Collection<MethodVersion> from, Collection<MethodVersion> to) {
        return Change.between(now, before, decimals, from, to);
    }

    static MethodVersion method(RoundScore s) {
        return new MethodVersion(s.methodologyId(), s.methodologyVersion(), s.revision());
    }

    /** Each methodology and version that scored {@code scores}, once, by id and version. */
    static List<MethodVersion> methods(Collection<RoundScore> scores) {
        Set<MethodVersion> seen = new LinkedHashSet<>();
        for (RoundScore s : scores) seen.add(method(s));
        return Change.sorted(seen);
    }

}
