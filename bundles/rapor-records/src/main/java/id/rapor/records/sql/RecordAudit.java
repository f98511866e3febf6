package id.rapor.records.sql;

import id.rapor.api.records.Actor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail of the records: who changed what, when and from where. Written in the same
 * transaction as the change, so there is never a change without its entry, nor an entry for a
 * change that was rolled back.
 */
public final class RecordAudit {
    private static final int MAX_DETAIL = 2000;

    private RecordAudit() {}

    private static final String INSERT = "INSERT INTO record_audit (occurred_at, user_name, address, action, subject, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 500;

    /** One change: {@code subject} is {@code unit:<id>} or {@code assessment:<id>}. */
    public record Entry(String action, String subject, String detail) {
        /** The same change about {@code subject} (known once the row is written). */
        public Entry about(String subject) {
            return new Entry(action, subject, detail);
        }
    }

    public static void record(Connection c, Actor actor, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            bind(s, actor, Timestamp.from(Instant.now()), new Entry(action, subject, detail));
            s.executeUpdate();
        }
    }

    /** Many changes of one actor (an import), in JDBC batches. */
    public static void recordAll(Connection c, Actor actor, List<Entry> entries) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (int k = 0; k < entries.size(); k++) {
                bind(s, actor, now, entries.get(k));
                s.addBatch();
                if ((k + 1) % BATCH == 0 || k + 1 == entries.size()) s.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement s, Actor actor, Timestamp now, Entry e) throws SQLException {
        s.setTimestamp(1, now);
        s.setString(2, cut(actor.user(), 100));
        s.setString(3, cut(actor.address(), 100));
        s.setString(4, e.action());
        s.setString(5, cut(e.subject(), 200));
        s.setString(6, cut(e.detail(), MAX_DETAIL));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
