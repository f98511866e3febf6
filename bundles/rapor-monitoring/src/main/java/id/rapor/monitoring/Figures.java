package id.rapor.monitoring;

import id.rapor.api.model.Scale;
import id.rapor.api.monitoring.Change;
import id.rapor.api.monitoring.Figure;
import id.rapor.api.monitoring.MethodVersion;
import id.rapor.api.records.RoundScore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The arithmetic of the figures: a region's mean, and the change from one round to the next. */
final class Figures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<MethodVersion> BY_ID_AND_VERSION =
            Comparator.comparing(MethodVersion::id).thenComparing(MethodVersion::version);

    private Figures() {}

    /** A stored index as its methodology prints it: with the scale's decimals (95 stored is 95.00), never cut. */
    static BigDecimal printed(BigDecimal stored, int decimals) {
        BigDecimal plain = stored.stripTrailingZeros();
        if (plain.scale() < 0) plain = plain.setScale(0);
        return plain.scale() < decimals ? plain.setScale(decimals) : plain;
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

    /**
     * From {@code before} to {@code now}: the points (printed minus printed, as the published figures
     * are compared) and the percent of {@code before} (printed with {@code decimals}, half-up; null when
     * {@code before} is 0). The methodology changed when the two rounds were not scored by the same
     * methodologies and versions.
     */
    static Change change(Figure now, Figure before, int decimals, Collection<MethodVersion> from, Collection<MethodVersion> to) {
        Figure points = new Figure(now.printed().subtract(before.printed()), now.exact().subtract(before.exact()));
        Figure percent = before.printed().signum() == 0 || before.exact().signum() == 0 ? null
                : new Figure(points.printed().multiply(HUNDRED).divide(before.printed(), decimals, RoundingMode.HALF_UP),
                        points.exact().multiply(HUNDRED).divide(before.exact(), MathContext.DECIMAL128));
        boolean changed = !new HashSet<>(from).equals(new HashSet<>(to));
        return new Change(points, percent, changed, sorted(from), sorted(to));
    }

    static MethodVersion method(RoundScore s) {
        return new MethodVersion(s.methodologyId(), s.methodologyVersion(), s.revision());
    }

    /** Each methodology and version that scored {@code scores}, once, by id and version. */
    static List<MethodVersion> methods(Collection<RoundScore> scores) {
        Set<MethodVersion> seen = new LinkedHashSet<>();
        for (RoundScore s : scores) seen.add(method(s));
        return sorted(seen);
    }

    private static List<MethodVersion> sorted(Collection<MethodVersion> methods) {
        List<MethodVersion> list = new ArrayList<>(new LinkedHashSet<>(methods));
        list.sort(BY_ID_AND_VERSION);
        return list;
    }
}
