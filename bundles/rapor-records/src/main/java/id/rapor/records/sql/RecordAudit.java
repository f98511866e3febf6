package id.rapor.records.sql;

import id.rapor.api.records.Actor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The audit trail of the records: who changed what, when and from where. Written in the same
 * transaction as the change, so there is never a change without its entry, nor an entry for a
 * change that was rolled back.
 */
public final class RecordAudit {
    private static final int MAX_DETAIL = 2000;

    private RecordAudit() {}

    /** {@code subject} is {@code unit:<id>} or {@code assessment:<id>}. */
    public static void record(Connection c, Actor actor, String action, String subject, String detail) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO record_audit (occurred_at, user_name, address, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, cut(actor.user(), 100));
            s.setString(3, cut(actor.address(), 100));
            s.setString(4, action);
            s.setString(5, cut(subject, 200));
            s.setString(6, cut(detail, MAX_DETAIL));
            s.executeUpdate();
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
