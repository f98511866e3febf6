package id.rapor.report.region;

import id.rapor.api.monitoring.RoundView;
import id.rapor.api.monitoring.UnitRow;
import id.rapor.api.monitoring.UnitStatus;
import id.rapor.report.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a region's report says in both its forms: the units' table, the region's lines, a unit's name. */
final class RegionLines {
    private RegionLines() {}

    static int decimals(RoundView v) {
        return v.index() != null ? v.index().printed().scale()
                : v.units().stream().filter(u -> u.official() != null).findFirst().map(u -> u.official().index().scale()).orElse(2);
    }

    static List<String> header(Words w) {
        return List.of(w.say("report.column.rank"), w.say("report.column.unit"), w.say("report.column.index"), w.say("report.column.band"),
                w.say("report.column.role"), w.say("report.column.self"), w.say("report.column.evaluator"), w.say("report.column.gap"),
                w.say("report.column.change"));
    }

    /** A unit's row as text: scored ones ranked, the others with what they lack. */
    static List<String> row(UnitRow u, int decimals, Words w) {
        boolean scored = u.status() == UnitStatus.SCORED;
        List<String> row = new ArrayList<>();
        row.add(u.rank() == null ? "-" : String.valueOf(u.rank()));
        row.add(u.unit().name() + " (" + u.unit().id() + ")");
        row.add(u.official() == null ? w.say("report.status." + u.status().wire()) : w.index(u.official().index(), decimals));
        row.add(u.official() == null ? "" : w.band(u.official().bandCode(), u.official().bandLabel()));
        row.add(u.official() == null ? "" : w.say("report.role." + u.official().role().wire()));
        row.add(w.index(u.self(), decimals));
        row.add(w.index(u.evaluator(), decimals));
        row.add(u.gap() == null ? "" : w.signed(u.gap()));
        row.add(scored && u.previous() != null && u.previous().change() != null
                ? u.previous().year() + ": " + w.index(u.previous().official().index(), decimals) + ", " + w.change(u.previous().change()) : "");
        return row;
    }

    /** The units' names for ids, "name (id)", or the catalog's "none". */
    static String names(List<String> ids, RoundView v, Words w) {
        if (ids.isEmpty()) return w.say("report.none");
        Map<String, String> names = v.units().stream().collect(Collectors.toMap(u -> u.unit().id(), u -> u.unit().name(), (a, b) -> a));
        return ids.stream().map(id -> names.getOrDefault(id, id) + " (" + id + ")").collect(Collectors.joining(", "));
    }

    static String index(RoundView v, Words w) {
        if (v.index() == null) return w.say("monitoring.emptyRound", v.family(), v.year());
        int decimals = decimals(v);
        return w.say("report.region.index", w.index(v.index().printed(), decimals), w.band(v.band()), v.scored(), v.units().size());
    }

    static String previous(RoundView v, Words w) {
        RoundView.Previous p = v.previous();
        if (p == null) return w.say("report.change.none");
        return w.say("report.region.previous", p.year(), w.index(p.index().printed(), p.index().printed().scale()) + " " + w.band(p.band()),
                p.change() == null ? "" : w.change(p.change()));
    }

    static <T> List<T> each(List<UnitRow> rows, Function<UnitRow, T> f) {
        return rows.stream().map(f).toList();
    }
}
