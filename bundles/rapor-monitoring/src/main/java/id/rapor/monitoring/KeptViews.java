package id.rapor.monitoring;

import id.rapor.api.monitoring.RoundQuery;
import id.rapor.api.monitoring.RoundView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The round's views computed last, kept while nothing they come from has changed: the records (their version, where
 * this process sees every change) and the rules serving the family (their versions). A bureau's dashboard is opened by
 * many and changes seldom; a view of a province's 8,000 units takes hundreds of milliseconds to compute and a few
 * megabytes to keep, so only the {@value #KEPT} most recently asked for are kept, and only while they hold no more than
 * {@value #UNITS} unit rows between them (a national view is computed every time). A view kept under a records version
 * that has passed can never be asked for again: it goes at the next put.
 */
final class KeptViews {
    static final int KEPT = 8;
    static final int UNITS = 40_000;

    /** What a view depends on: the question, the records' version, and the versions of the rules that serve. */
    record Key(RoundQuery query, long records, String rules) {}

    private final Map<Key, RoundView> views = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RoundView> eldest) {
            return size() > KEPT;
        }
    };

    synchronized RoundView get(Key key) {
        return views.get(key);
    }

    synchronized void put(Key key, RoundView view) {
        if (view.units().size() > UNITS) return;
        views.keySet().removeIf(k -> k.records() < key.records());
        views.put(key, view);
        int units = 0;
        for (var it = views.entrySet().iterator(); it.hasNext(); ) { // most recently used last: drop from the oldest
            units += it.next().getValue().units().size();
        }
        for (var it = views.entrySet().iterator(); units > UNITS && it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(key)) continue;
            units -= e.getValue().units().size();
            it.remove();
        }
    }
}
