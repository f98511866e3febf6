package id.rapor.api.monitoring;

import java.util.List;

/**
 * From one round to the next: {@code points} (this round's index minus the previous one's, both
 * as printed) and {@code percent} of the previous index (the relative change, as Banjarnegara
 * reports "up 2.22% from 93.16"; null when the previous index is 0). {@code methodologyChanged}:
 * the two rounds were not scored by the same methodology and version, so the change is not
 * (only) a change in performance; {@code from} and {@code to} say what scored each.
 */
public record Change(Figure points, Figure percent, boolean methodologyChanged, List<MethodVersion> from, List<MethodVersion> to) {
    public Change {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
