package id.rapor.records.unit;

import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Units read from the {@code unit} table, for the registry and for the assessments that check their unit. */
public final class UnitRows {
    static final String COLUMNS = "id, name, kind, parent, active";

    private UnitRows() {}

    public static Unit load(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM unit WHERE id = ?")) {
            s.setString(1, id);
            List<Unit> found = list(s);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** Children are asked for by this many parents at a time: one query per level of a region below that. */
    private static final int PARENTS_PER_QUERY = 500;

    /**
     * {@code top} and every unit below it, parents before children (level by level, each level by id). A query per level
     * on the parent index: a recursive query was as fast on PostgreSQL, but H2 took 14 ms for a region of 1,000 units.
     */
    public static List<Unit> below(Connection c, Unit top) throws SQLException {
        List<Unit> all = new ArrayList<>();
        all.add(top);
        List<String> level = List.of(top.id());
        while (!level.isEmpty()) {
            List<Unit> children = new ArrayList<>();
            for (int from = 0; from < level.size(); from += PARENTS_PER_QUERY) {
                List<String> parents = level.subList(from, Math.min(level.size(), from + PARENTS_PER_QUERY));
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM unit WHERE parent IN ("
                        + String.join(",", Collections.nCopies(parents.size(), "?")) + ")")) {
                    for (int k = 0; k < parents.size(); k++) s.setString(k + 1, parents.get(k));
                    children.addAll(list(s));
                }
            }
            children.sort(Comparator.comparing(Unit::id));
            all.addAll(children);
            level = children.stream().map(Unit::id).toList();
        }
        return all;
    }

    static List<Unit> list(PreparedStatement s) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                units.add(new Unit(r.getString(1), r.getString(2), UnitKind.of(r.getString(3)).orElseThrow(), r.getString(4), r.getBoolean(5)));
            }
        }
        return units;
    }

}
