package id.rapor.monitoring;

import id.rapor.api.records.RoundScore;
import id.rapor.api.records.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A round of a region's tree: each unit that counts in it, by id, with its assessments of the year.
 * A unit counts while active; one no longer active still counts in a round it has an official score in
 * (the round happened while it was there).
 */
final class Round {
    final int year;
    final Map<String, UnitRound> units;

    private Round(int year, Map<String, UnitRound> units) {
        this.year = year;
        this.units = units;
    }

    static Round of(UnitTree tree, List<RoundScore> scores, int year) {
        Map<String, List<RoundScore>> byUnit = new HashMap<>();
        for (RoundScore s : scores) {
            if (s.year() == year) byUnit.computeIfAbsent(s.unitId(), k -> new ArrayList<>()).add(s);
        }
        Map<String, UnitRound> units = new LinkedHashMap<>();
        for (Unit u : tree.assessed()) {
            UnitRound round = new UnitRound(u, byUnit.getOrDefault(u.id(), List.of()));
            if (u.active() || round.official() != null) units.put(u.id(), round);
        }
        return new Round(year, units);
    }

    /** The methodologies of the units' official scores, by id. */
    TreeSet<String> methodologies() {
        TreeSet<String> ids = new TreeSet<>();
        for (UnitRound u : units.values()) {
            RoundScore official = u.official();
            if (official != null) ids.add(official.methodologyId());
        }
        return ids;
    }
}
