package id.rapor.records.unit;

import id.rapor.api.text.Message;
import id.rapor.api.records.Actor;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.api.records.UnitRegistry;
import id.rapor.records.sql.RecordAudit;
import id.rapor.records.sql.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The unit tree in the {@code unit} table. */
@Component(service = UnitRegistry.class)
public final class JdbcUnitRegistry implements UnitRegistry {

    private final Transactions tx;

    @Activate
    public JdbcUnitRegistry(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public Unit create(Unit unit, Actor actor) throws RecordException {
        UnitRules.checkFields(unit);
        return tx.<Unit, RecordException>inTransaction(c -> {
            insert(c, unit, actor);
            return unit;
        });
    }

    @Override
    public Unit update(Unit unit, Actor actor) throws RecordException {
        UnitRules.checkFields(unit);
        return tx.<Unit, RecordException>inTransaction(c -> {
            change(c, unit, actor);
            return unit;
        });
    }

    @Override
    public Optional<Unit> find(String id) {
        return tx.read(c -> Optional.ofNullable(UnitRows.load(c, id)));
    }

    @Override
    public List<Unit> subtree(String region) throws RecordException {
        return tx.<List<Unit>, RecordException>read(c -> {
            Unit top = UnitRows.load(c, region);
            if (top == null) throw new RecordNotFoundException("unit", region);
            return UnitRows.below(c, top);
        });
    }

    @Override
    public List<Unit> roots() {
        return tx.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + UnitRows.COLUMNS + " FROM unit WHERE parent IS NULL ORDER BY id")) {
                return UnitRows.list(s);
            }
        });
    }

    @Override
    public List<Unit> importUnits(List<Unit> units, Actor actor) throws RecordException {
        return tx.<List<Unit>, RecordException>inTransaction(c -> {
            int row = 0;
            for (Unit u : units) {
                row++;
                try {
                    UnitRules.checkFields(u);
                    if (UnitRows.load(c, u.id()) == null) insert(c, u, actor);
                    else change(c, u, actor);
                } catch (RecordConflictException e) {
                    throw new ImportRefusedException(row, e.field(), e.said());
                } catch (RecordNotFoundException e) {
                    throw new ImportRefusedException(row, "parent", Message.of("records.import.noParent", e.id()));
                }
            }
            return List.copyOf(units);
        });
    }

    private static void insert(Connection c, Unit unit, Actor actor) throws SQLException, RecordConflictException, RecordNotFoundException {
        if (UnitRows.load(c, unit.id()) != null) {
            throw new RecordConflictException("duplicate-unit", "id", Message.of("records.unit.duplicate", unit.id()));
        }
        if (unit.parent() != null) UnitRules.checkParent(unit, parent(c, unit.parent()));
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO unit (id, name, kind, parent, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, unit.id());
            s.setString(2, unit.name());
            s.setString(3, unit.kind().wire());
            s.setString(4, unit.parent());
            s.setBoolean(5, unit.active());
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            s.executeUpdate();
        }
        RecordAudit.record(c, actor, "unit.create", "unit:" + unit.id(), describe(unit));
    }

    private static void change(Connection c, Unit unit, Actor actor) throws SQLException, RecordConflictException, RecordNotFoundException {
        Unit before = UnitRows.load(c, unit.id());
        if (before == null) throw new RecordNotFoundException("unit", unit.id());
        if (unit.parent() != null) {
            UnitRules.checkParent(unit, parent(c, unit.parent()));
            if (isBelow(c, unit.parent(), unit.id())) {
                throw new RecordConflictException("invalid-unit", "parent", Message.of("records.unit.cycle", unit.parent(), unit.id()));
            }
        }
        if (!unit.active() && before.active() && hasActiveChildren(c, unit.id())) {
            throw new RecordConflictException("active-children", "active", Message.of("records.unit.activeChildren", unit.id()));
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE unit SET name = ?, kind = ?, parent = ?, active = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, unit.name());
            s.setString(2, unit.kind().wire());
            s.setString(3, unit.parent());
            s.setBoolean(4, unit.active());
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.setString(6, unit.id());
            s.executeUpdate();
        }
        RecordAudit.record(c, actor, "unit.update", "unit:" + unit.id(), describe(before) + " -> " + describe(unit));
    }

    private static Unit parent(Connection c, String id) throws SQLException, RecordNotFoundException {
        Unit parent = UnitRows.load(c, id);
        if (parent == null) throw new RecordNotFoundException("unit", id);
        return parent;
    }

    /** Whether {@code candidate} is {@code ancestor} or below it. */
    private static boolean isBelow(Connection c, String candidate, String ancestor) throws SQLException {
        String at = candidate;
        for (int hops = 0; at != null && hops < 1000; hops++) {
            if (at.equals(ancestor)) return true;
            Unit u = UnitRows.load(c, at);
            at = u == null ? null : u.parent();
        }
        return false;
    }

    private static boolean hasActiveChildren(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM unit WHERE parent = ? AND active = TRUE")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static String describe(Unit u) {
        return u.kind().wire() + " '" + u.name() + "'" + (u.parent() == null ? "" : " under " + u.parent()) + (u.active() ? "" : " (inactive)");
    }
}
