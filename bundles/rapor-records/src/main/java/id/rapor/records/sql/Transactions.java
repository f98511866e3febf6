package id.rapor.records.sql;

import id.rapor.api.records.RecordsUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs work in one transaction: all of it is committed, or, on any failure, none of it. A
 * database that cannot be reached becomes {@link RecordsUnavailableException} (503 to the
 * caller); other SQL failures are bugs and go up as they are.
 */
public final class Transactions {
    /**
     * Transactions committed by this process, through any instance: a number that changes whenever a record does, for
     * what is computed from the records and kept ({@link JdbcRecordChanges#version}). Bumped after the commit, so a
     * reader that saw a number saw at least every change before it.
     */
    private static final java.util.concurrent.atomic.AtomicLong COMMITS = new java.util.concurrent.atomic.AtomicLong();

    private final DataSource dataSource;

    static long commits() {
        return COMMITS.get();
    }

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Work on a connection, returning a value; may throw the caller's own checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    public <T, E extends Exception> T inTransaction(Work<T, E> work) throws E {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                COMMITS.incrementAndGet();
                return result;
            } catch (Exception | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                restore(c, auto);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Reads, without a transaction of its own. */
    public <T, E extends Exception> T read(Work<T, E> work) throws E {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // the pool checks the connection before it is handed out again
        }
    }

    /** SQLState class 08 (connection exception) and the JDBC connection exceptions: the database is not there. */
    static RuntimeException translate(SQLException e) {
        String state = e.getSQLState();
        boolean connection = e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || (state != null && state.startsWith("08")) || (state != null && state.startsWith("57P"));
        if (connection) return new RecordsUnavailableException("the database cannot be reached now: " + e.getMessage(), e);
        return new IllegalStateException("database failure (SQLState " + state + "): " + e.getMessage(), e);
    }
}
