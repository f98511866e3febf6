package id.rapor.api.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One transaction on what the nodes share, with its notice: the work, then {@code pg_notify(channel, payload)} in the
 * same transaction (so the notice leaves when the change commits, and not if it does not), then the commit; on any
 * failure, the rollback. The writers of revisions, users and the audit trail all write this way; what a failure
 * means to their callers is theirs to say.
 */
public final class SharedTransaction {
    private SharedTransaction() {}

    /** Work on the transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code c} (left open: the caller's); {@code channel} null sends no notice
     * (a read, or a database nobody listens to).
     */
    public static <T> T run(Connection c, String channel, String payload, Work<T> work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.in(c);
            if (channel != null) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    s.setString(1, channel);
                    s.setString(2, payload);
                    s.execute();
                }
            }
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
