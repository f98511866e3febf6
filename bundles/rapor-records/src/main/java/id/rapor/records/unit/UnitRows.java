package id.rapor.records.unit;

import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
