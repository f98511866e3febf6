package id.rapor.engine.audit;

import id.rapor.api.cluster.SharedTransaction;
import id.rapor.api.model.AuditEntry;
import id.rapor.api.records.RecordsUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rules' audit trail in the table several nodes on one PostgreSQL share ({@code rule_audit}, migration V9): every
 * node appends there and pages from there, so every node answers the same trail. An entry's id is its row's, given
 * in the order entries are written.
 */
public final class AuditTable {
    private final DataSource database;

    public AuditTable(DataSource database) {
        this.database = database;
    }

    /** Appends {@code entries} (capped already), oldest first, in one transaction: all or none. */
    public void record(Collection<AuditEntry> entries) {
        try (Connection c = database.getConnection()) {
            SharedTransaction.run(c, null, null, t -> {
                try (PreparedStatement s = t.prepareStatement("INSERT INTO rule_audit (recorded_at, user_name, address, request_id, action, "
                        + "methodology, revision, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditEntry e : entries) {
                        s.setTimestamp(1, Timestamp.from(e.time()));
                        s.setString(2, e.user());
                        s.setString(3, e.address());
                        s.setString(4, e.requestId());
                        s.setString(5, e.action());
                        s.setString(6, e.methodology());
                        if (e.revision() == null) s.setNull(7, Types.INTEGER); else s.setInt(7, e.revision());
                        s.setInt(8, e.status());
                        s.setString(9, e.detail());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
        } catch (SQLException x) {
            throw new IllegalStateException("the shared audit trail could not be written: " + x.getMessage(), x);
        }
    }

    /**
     * As {@link id.rapor.api.AuditTrail#page}: newest first, ids below {@code before} (null: all), of one methodology or
     * all; {@link RecordsUnavailableException} when the database does not answer (503, as for the records).
     */
    public List<AuditEntry> page(String methodology, Long before, int limit) {
        String sql = "SELECT id, recorded_at, user_name, address, request_id, action, methodology, revision, status, detail FROM rule_audit"
                + " WHERE id < ?" + (methodology == null ? "" : " AND methodology = ?") + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, before == null ? Long.MAX_VALUE : before);
            if (methodology != null) s.setString(i++, methodology);
            s.setInt(i, limit);
            List<AuditEntry> page = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int revision = r.getInt(8);
                    Integer rev = r.wasNull() ? null : revision;
                    page.add(new AuditEntry(r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7), rev, r.getInt(9), r.getString(10), r.getLong(1)));
                }
            }
            return page;
        } catch (SQLException x) {
            throw new RecordsUnavailableException("the shared audit trail could not be read: " + x.getMessage(), x);
        }
    }
}
