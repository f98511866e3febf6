package id.rapor.records.round;

import id.rapor.api.records.Actor;
import id.rapor.api.records.EntryRound;
import id.rapor.api.records.EntryRounds;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.api.text.Message;
import id.rapor.records.sql.RecordAudit;
import id.rapor.records.sql.Transactions;
import id.rapor.records.unit.UnitRows;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The regions' entry rounds in the {@code entry_round} table; every change audited as {@code round:<id>}. */
@Component(service = EntryRounds.class)
public final class JdbcEntryRounds implements EntryRounds {
    private final Transactions tx;

    @Activate
    public JdbcEntryRounds(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    @Override
    public EntryRound create(String region, String family, int year, LocalDate opensOn, LocalDate closesOn, boolean closed, Actor actor)
            throws RecordException {
        checkPeriod(opensOn, closesOn);
        return tx.<EntryRound, RecordException>inTransaction(c -> {
            Unit unit = UnitRows.load(c, region);
            if (unit == null) throw new RecordNotFoundException("unit", region);
            if (unit.kind() != UnitKind.REGION) {
                throw new RecordConflictException("invalid-entry-round", "region", Message.of("records.round.notRegion", region, unit.kind().wire()));
            }
            if (RoundRows.ofRound(c, family, year).containsKey(region)) throw duplicate(region, family, year);
            Timestamp now = Timestamp.from(Instant.now());
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO entry_round (region, family, round_year, opens_on, closes_on, closed, "
                    + "created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, region);
                s.setString(2, family);
                s.setInt(3, year);
                s.setDate(4, Date.valueOf(opensOn));
                s.setDate(5, Date.valueOf(closesOn));
                s.setBoolean(6, closed);
                s.setString(7, actor.user());
                s.setTimestamp(8, now);
                s.setString(9, actor.user());
                s.setTimestamp(10, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            } catch (SQLException e) {
                // Two admins opening the same round at once: the unique constraint decides, as a conflict.
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) throw duplicate(region, family, year);
                throw e;
            }
            EntryRound created = RoundRows.load(c, id);
            RecordAudit.record(c, actor, "round.create", "round:" + id, "round of " + region + " for " + family + " " + year + ": "
                    + describe(created));
            return created;
        });
    }

    @Override
    public EntryRound update(long id, LocalDate opensOn, LocalDate closesOn, boolean closed, Actor actor) throws RecordException {
        checkPeriod(opensOn, closesOn);
        return tx.<EntryRound, RecordException>inTransaction(c -> {
            EntryRound before = RoundRows.load(c, id);
            if (before == null) throw new RecordNotFoundException("round", String.valueOf(id));
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE entry_round SET opens_on = ?, closes_on = ?, closed = ?, updated_by = ?, updated_at = ? WHERE id = ?")) {
                s.setDate(1, Date.valueOf(opensOn));
                s.setDate(2, Date.valueOf(closesOn));
                s.setBoolean(3, closed);
                s.setString(4, actor.user());
                s.setTimestamp(5, Timestamp.from(Instant.now()));
                s.setLong(6, id);
                s.executeUpdate();
            }
            EntryRound after = RoundRows.load(c, id);
            RecordAudit.record(c, actor, "round.update", "round:" + id, "round of " + before.region() + " for " + before.family() + " "
                    + before.year() + ": " + describe(before) + " -> " + describe(after));
            return after;
        });
    }

    @Override
    public Optional<EntryRound> find(long id) {
        return tx.read(c -> Optional.ofNullable(RoundRows.load(c, id)));
    }

    @Override
    public List<EntryRound> list(String region, String family, Integer year) {
        // The conditions are left out rather than "? IS NULL": PostgreSQL cannot type an untyped null parameter.
        StringBuilder sql = new StringBuilder("SELECT " + RoundRows.COLUMNS + " FROM entry_round WHERE 1 = 1");
        if (region != null) sql.append(" AND region = ?");
        if (family != null) sql.append(" AND family = ?");
        if (year != null) sql.append(" AND round_year = ?");
        sql.append(" ORDER BY round_year DESC, region, family");
        return tx.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                if (region != null) s.setString(i++, region);
                if (family != null) s.setString(i++, family);
                if (year != null) s.setInt(i, year);
                return RoundRows.list(s);
            }
        });
    }

    @Override
    public Optional<EntryRound> governing(String unitId, String family, int year) throws RecordException {
        return tx.<Optional<EntryRound>, RecordException>read(c -> {
            if (UnitRows.load(c, unitId) == null) throw new RecordNotFoundException("unit", unitId);
            return RoundRows.governing(c, unitId, family, year);
        });
    }

    private static void checkPeriod(LocalDate opensOn, LocalDate closesOn) throws RecordConflictException {
        if (closesOn.isBefore(opensOn)) {
            throw new RecordConflictException("invalid-entry-round", "closesOn",
                    Message.of("records.round.closesBeforeOpens", closesOn.toString(), opensOn.toString()));
        }
    }

    private static RecordConflictException duplicate(String region, String family, int year) {
        return new RecordConflictException("duplicate-round", "year", Message.of("records.round.duplicate", region, family, String.valueOf(year)));
    }

    private static String describe(EntryRound r) {
        return "self-assessments " + r.opensOn() + " to " + r.closesOn() + (r.closed() ? ", closed" : "");
    }
}
