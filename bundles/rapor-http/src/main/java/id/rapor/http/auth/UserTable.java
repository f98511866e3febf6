package id.rapor.http.auth;

import id.rapor.api.cluster.SharedTransaction;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The users in the table several nodes on one PostgreSQL share ({@code rapor_user}, migration V9). Each node holds
 * them in memory, as {@link UsersFile} does the file, and reads them again when told ({@link #reload}: on
 * {@code NOTIFY rapor_users}, see {@link SharedUsers}). Each write is one transaction that, on PostgreSQL, also sends
 * that notice with the user's name, so every node (this one included) reads the users again once it commits.
 * Until the table was read once, nobody is known: a login fails closed.
 *
 * <p>Used by the server (over its pool) and by bin/rapor-user (over a connection of its own).
 */
public final class UserTable implements UserStore {
    /** The channel every node listens to. */
    public static final String CHANNEL = "rapor_users";

    /** Where connections come from: the server's pool, or the driver (bin/rapor-user). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections database;
    private final boolean notify;
    /** Null until read once. */
    private volatile Map<String, UsersFile.User> users;

    /** {@code notify}: send NOTIFY (PostgreSQL); false where nobody listens (an embedded database, tests). */
    public UserTable(Connections database, boolean notify) {
        this.database = database;
        this.notify = notify;
    }

    /** Whether the users were read at least once. */
    public boolean isRead() {
        return users != null;
    }

    @Override
    public UsersFile.User find(String name) {
        Map<String, UsersFile.User> known = users;
        return known == null ? null : known.get(name);
    }

    @Override
    public Map<String, UsersFile.User> all() {
        Map<String, UsersFile.User> known = users;
        return known == null ? Map.of() : known;
    }

    /**
     * Reads every user again. A user who did not change stays the same object: {@link Authenticator} then need not
     * check their password again. One read at a time, so the last one begun is the one kept.
     */
    public synchronized void reload() throws IOException {
        Map<String, UsersFile.User> before = all();
        Map<String, UsersFile.User> next = transaction(null, c -> {
            Map<String, UsersFile.User> read = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, grants, password_hash FROM rapor_user");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UsersFile.User u = UsersFile.parse(r.getString(1), r.getString(2), r.getString(3));
                    UsersFile.User old = before.get(u.name());
                    read.put(u.name(), u.equals(old) ? old : u);
                }
            }
            return read;
        });
        users = Map.copyOf(next);
    }

    @Override
    public void put(String name, Set<String> grants, char[] password, String by) throws IOException {
        UsersFile.checkName(name);
        UsersFile.check(grants);
        String hash = Passwords.hash(password);
        transaction(name, c -> {
            if (update(c, "UPDATE rapor_user SET grants = ?, password_hash = ?, updated_at = ?, updated_by = ? WHERE name = ?",
                    text(grants), hash, Timestamp.from(Instant.now()), by(by), name) == 0) {
                insert(c, name, text(grants), hash, by);
            }
            return null;
        });
        reload();
    }

    @Override
    public boolean regrant(String name, Set<String> grants, String by) throws IOException {
        UsersFile.checkName(name);
        UsersFile.check(grants);
        boolean found = transaction(name, c -> update(c, "UPDATE rapor_user SET grants = ?, updated_at = ?, updated_by = ? WHERE name = ?",
                text(grants), Timestamp.from(Instant.now()), by(by), name) == 1);
        reload();
        return found;
    }

    @Override
    public boolean remove(String name) throws IOException {
        boolean removed = transaction(name, c -> update(c, "DELETE FROM rapor_user WHERE name = ?", name) == 1);
        reload();
        return removed;
    }

    /**
     * Brings {@code file}'s users into the table, hashes as they are, if the table has none yet (the first node to share
     * it, or bin/rapor-user's users made before PostgreSQL); the number brought. Two nodes doing it at once bring them once.
     */
    public int importIfEmpty(UsersFile file, String by) throws IOException {
        Map<String, UsersFile.User> local = file.all();
        if (local.isEmpty()) return 0;
        int brought;
        try {
            brought = transaction("", c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rapor_user"); ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) return 0;
                }
                for (UsersFile.User u : local.values()) insert(c, u.name(), u.grants(), u.passwordHash(), by);
                return local.size();
            });
        } catch (IOException e) {
            if (!isEmpty()) return 0; // another node brought its users first
            throw e;
        }
        reload();
        return brought;
    }

    /** Whether the table holds no user. */
    public boolean isEmpty() throws IOException {
        return transaction(null, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rapor_user"); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) == 0;
            }
        });
    }

    private static void insert(Connection c, String name, String grants, String hash, String by) throws SQLException {
        update(c, "INSERT INTO rapor_user (name, grants, password_hash, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)",
                name, grants, hash, Timestamp.from(Instant.now()), by(by));
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) s.setObject(i + 1, values[i]);
            return s.executeUpdate();
        }
    }

    /** The grants as the file writes them, sorted. */
    private static String text(Set<String> grants) {
        return String.join(",", new TreeSet<>(grants));
    }

    private static String by(String by) {
        if (by == null || by.isBlank()) return "unknown";
        return by.length() <= 200 ? by : by.substring(0, 200);
    }

    /** {@code changed}: the name to send with the notice (null: a read, nothing to tell). */
    private <T> T transaction(String changed, SharedTransaction.Work<T> work) throws IOException {
        try (Connection c = database.open()) {
            return SharedTransaction.run(c, changed != null && notify ? CHANNEL : null, changed, work);
        } catch (SQLException e) {
            throw new Unavailable("the users in the shared database could not be " + (changed == null ? "read" : "changed")
                    + ": " + e.getMessage(), e);
        }
    }
}
