package id.rapor.records.round;

import id.rapor.api.records.EntryRound;
import id.rapor.api.records.Unit;
import id.rapor.records.unit.UnitRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Rounds read from the {@code entry_round} table, for the rounds' service and for the assessments that must respect them. */
public final class RoundRows {
    static final String COLUMNS = "id, region, family, round_year, opens_on, closes_on, closed, created_by, created_at, updated_by, updated_at";

    private RoundRows() {}

    static EntryRound load(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM entry_round WHERE id = ?")) {
            s.setLong(1, id);
            List<EntryRound> found = list(s);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** The rounds of a family and year, by region: a handful (one per region that opened one). */
    static Map<String, EntryRound> ofRound(Connection c, String family, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM entry_round WHERE family = ? AND round_year = ?")) {
            s.setString(1, family);
            s.setInt(2, year);
            Map<String, EntryRound> byRegion = new HashMap<>();
            for (EntryRound r : list(s)) byRegion.put(r.region(), r);
            return byRegion;
        }
    }

    /**
     * The round of the nearest region at or above {@code unitId} that has one for the family and year; empty if none
     * (or no such unit). Nearest, so a kabupaten's own round decides for its offices even under a province's.
     */
    public static Optional<EntryRound> governing(Connection c, String unitId, String family, int year) throws SQLException {
        Map<String, EntryRound> rounds = ofRound(c, family, year);
        if (rounds.isEmpty()) return Optional.empty();
        Set<String> seen = new HashSet<>();
        for (String at = unitId; at != null && seen.add(at); ) {
            EntryRound r = rounds.get(at);
            if (r != null) return Optional.of(r);
            Unit u = UnitRows.load(c, at);
            at = u == null ? null : u.parent();
        }
        return Optional.empty();
    }

    static List<EntryRound> list(PreparedStatement s) throws SQLException {
        List<EntryRound> rounds = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rounds.add(new EntryRound(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getDate(5).toLocalDate(),
                        r.getDate(6).toLocalDate(), r.getBoolean(7), r.getString(8), r.getTimestamp(9).toInstant(), r.getString(10),
                        r.getTimestamp(11).toInstant()));
            }
        }
        return rounds;
    }
}
