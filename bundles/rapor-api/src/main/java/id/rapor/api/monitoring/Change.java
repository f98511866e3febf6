package id.rapor.api.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * From one round to the next: {@code points} (this round's index minus the previous one's, both
 * as printed) and {@code percent} of the previous index (the relative change, as Banjarnegara
 * reports "up 2.22% from 93.16"; null when the previous index is 0). {@code methodologyChanged}:
 * the two rounds were not scored by the same methodology and version, so the change is not
 * (only) a change in performance; {@code from} and {@code to} say what scored each.
 */
public record Change(Figure points, Figure percent, boolean methodologyChanged, List<MethodVersion> from, List<MethodVersion> to) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<MethodVersion> BY_ID_AND_VERSION =
            Comparator.comparing(MethodVersion::id).thenComparing(MethodVersion::version);

    public Change {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    /**
     * From {@code before} to {@code now}: the points (printed minus printed, as the published figures
     * are compared) and the percent of {@code before} (printed with {@code decimals}, half-up; null when
     * {@code before} is 0). The methodology changed when the two rounds were not scored by the same
     * methodologies and versions. One rule for the monitoring and the report cards.
     */
    public static Change between(Figure now, Figure before, int decimals, Collection<MethodVersion> from, Collection<MethodVersion> to) {
        Figure points = new Figure(now.printed().subtract(before.printed()), now.exact().subtract(before.exact()));
        Figure percent = before.printed().signum() == 0 || before.exact().signum() == 0 ? null
                : new Figure(points.printed().multiply(HUNDRED).divide(before.printed(), decimals, RoundingMode.HALF_UP),
                        points.exact().multiply(HUNDRED).divide(before.exact(), MathContext.DECIMAL128));
        boolean changed = !new HashSet<>(from).equals(new HashSet<>(to));
        return new Change(points, percent, changed, sorted(from), sorted(to));
    }

    /** Each methodology and version once, by id and version. */
    public static List<MethodVersion> sorted(Collection<MethodVersion> methods) {
        List<MethodVersion> list = new ArrayList<>(new LinkedHashSet<>(methods));
        list.sort(BY_ID_AND_VERSION);
        return list;
    }
}
