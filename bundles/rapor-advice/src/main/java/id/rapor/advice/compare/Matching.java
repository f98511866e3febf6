package id.rapor.advice.compare;

import id.rapor.api.model.CrosswalkEntry;
import id.rapor.api.model.Methodology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which indicator of the earlier rules is which of the later ones: the same ids within one
 * methodology (two revisions, or a stored assessment re-scored); between two methodologies, the
 * crosswalk one of their bundles carries ({@code methodology/crosswalk-<other>.csv}, read either
 * way). Null from {@link #of} when there is none.
 */
record Matching(List<Pair> pairs, Set<String> removed, Set<String> added, List<CrosswalkEntry> crosswalk, String carriedBy) {

    /** Indicator {@code before} of the earlier rules became {@code after} of the later ones. */
    record Pair(String before, String after) {}

    static Matching of(Methodology before, Methodology after) {
        if (before.getId().equals(after.getId())) {
            List<Pair> pairs = new ArrayList<>();
            for (String id : before.getIndicators().keySet()) if (after.indicator(id) != null) pairs.add(new Pair(id, id));
            return build(before, after, pairs, List.of(), null);
        }
        List<CrosswalkEntry> forward = after.getCrosswalks().get(before.getId());
        if (forward != null) {
            return build(before, after, forward.stream().map(e -> new Pair(e.from(), e.to())).toList(), forward, after.getId());
        }
        List<CrosswalkEntry> backward = before.getCrosswalks().get(after.getId());
        if (backward != null) {
            return build(before, after, backward.stream().map(e -> new Pair(e.to(), e.from())).toList(), backward, before.getId());
        }
        return null;
    }

    private static Matching build(Methodology before, Methodology after, List<Pair> pairs, List<CrosswalkEntry> crosswalk, String by) {
        Set<String> removed = new LinkedHashSet<>(before.getIndicators().keySet());
        Set<String> added = new LinkedHashSet<>(after.getIndicators().keySet());
        for (Pair p : pairs) {
            removed.remove(p.before());
            added.remove(p.after());
        }
        return new Matching(List.copyOf(pairs), removed, added, List.copyOf(crosswalk), by);
    }

    /** A crosswalk id that is not an indicator of its side, or null when every one is. */
    String unknownId(Methodology before, Methodology after) {
        for (Pair p : pairs) {
            if (before.indicator(p.before()) == null) return before.getId() + ":" + p.before();
            if (after.indicator(p.after()) == null) return after.getId() + ":" + p.after();
        }
        return null;
    }

    long outOf(String beforeId) { return pairs.stream().filter(p -> p.before().equals(beforeId)).count(); }

    long into(String afterId) { return pairs.stream().filter(p -> p.after().equals(afterId)).count(); }
}
