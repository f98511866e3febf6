package id.rapor.engine.revision;

import id.rapor.api.RevisionStoreException;
import id.rapor.api.cluster.SharedTransaction;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Revisions in the tables several nodes share ({@code rule_revision}, {@code rule_revision_file},
 * {@code rule_activation}, migration V8). Each write is one transaction that, on PostgreSQL, also sends
 * {@code NOTIFY rapor_revisions} with the methodology's id: the notice leaves when the change commits, and every node
 * reads that methodology again ({@link SharedRevisions}). What decides between nodes (a new revision's number, the
 * activation row) is decided under the methodology's lock row ({@code rule_revision_lock}, V10).
 */
public final class RevisionTable implements RevisionStore {
    /** The channel every node listens to. */
    public static final String CHANNEL = "rapor_revisions";

    private final DataSource database;
    private final boolean notify;

    /** {@code notify}: send NOTIFY (PostgreSQL); false where nobody listens (an embedded database, tests). */
    public RevisionTable(DataSource database, boolean notify) {
        this.database = database;
        this.notify = notify;
    }

    /** How often a write another node's stood in the way of (a deadlock, a serialization failure) is tried again. */
    static final int ATTEMPTS = 4;

    /**
     * {@code changed}: the methodology to name in the notice (null: a read, nothing to tell). A transaction that lost to
     * another node's is tried again whole (it was rolled back); what still fails is a conflict if another node's change
     * stood in the way, else the database away or failing (to retry later).
     */
    private <T> T transaction(String changed, SharedTransaction.Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = database.getConnection()) {
                return SharedTransaction.run(c, changed != null && notify ? CHANNEL : null, changed, work);
            } catch (SQLException e) {
                boolean conflict = conflict(e);
                if (conflict && attempt < ATTEMPTS) continue;
                throw new RevisionStoreException("the shared revision store could not be used: " + e.getMessage(), conflict, e);
            }
        }
    }

    /** Another transaction stood in the way: a key taken meanwhile (23), a deadlock or serialization failure (40). */
    static boolean conflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("40"));
    }

    @Override
    public Map<String, List<Revision>> load() {
        return transaction(null, c -> {
            Map<String, Integer> active = new HashMap<>();
            activations(c).forEach((m, a) -> active.put(m, a.revision()));
            Map<String, List<Revision>> all = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT methodology_id, number, properties FROM rule_revision ORDER BY methodology_id, number");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String m = r.getString(1);
                    all.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(RevisionText.revision(m, r.getInt(2), RevisionText.parse(r.getString(3)), active.get(m)));
                }
            }
            return all;
        });
    }

    @Override
    public int highestNumber(String methodologyId) {
        return transaction(null, c -> highestNumber(c, methodologyId));
    }

    private static int highestNumber(Connection c, String methodologyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(number), 0) FROM rule_revision WHERE methodology_id = ?")) {
            s.setString(1, methodologyId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * The number is the database's: under the methodology's lock row, one past the highest any node committed. It is
     * {@code r}'s own unless another node stored that one first; the revision as stored is returned.
     */
    @Override
    public Revision save(Revision r) {
        return transaction(r.methodologyId(), c -> {
            lock(c, r.methodologyId());
            int number = highestNumber(c, r.methodologyId()) + 1;
            Revision numbered = number == r.number() ? r : new Revision(r.methodologyId(), number, r.state(), r.hash(), r.author(), r.time(),
                    r.comment(), r.baseVersion(), r.files(), r.errors(), r.goldenChanges(), r.approvedBy(), r.approvedAt());
            saveIn(c, numbered, false);
            return numbered;
        });
    }

    /**
     * Takes the methodology's lock row (rule_revision_lock, V10) until the transaction ends, making it the first time:
     * whoever inserts it holds it; a node that finds it inserted meanwhile waits its turn on it. The same on PostgreSQL
     * and H2 (a savepoint keeps the transaction usable after the duplicate key).
     */
    private static void lock(Connection c, String methodologyId) throws SQLException {
        if (lockRow(c, methodologyId)) return;
        Savepoint before = c.setSavepoint();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_revision_lock (methodology_id) VALUES (?)")) {
            s.setString(1, methodologyId);
            s.executeUpdate();
            c.releaseSavepoint(before);
            return;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) throw e;
            c.rollback(before);
        }
        if (!lockRow(c, methodologyId)) throw new SQLException("the lock row of " + methodologyId + " is gone", "40001");
    }

    private static boolean lockRow(Connection c, String methodologyId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT methodology_id FROM rule_revision_lock WHERE methodology_id = ? FOR UPDATE")) {
            s.setString(1, methodologyId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void saveIn(Connection c, Revision r, boolean activated) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO rule_revision (methodology_id, number, properties) VALUES (?, ?, ?)")) {
            s.setString(1, r.methodologyId());
            s.setInt(2, r.number());
            s.setString(3, RevisionText.text(RevisionText.properties(r, activated)));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO rule_revision_file (methodology_id, number, path, content) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> f : r.files().entrySet()) {
                s.setString(1, r.methodologyId());
                s.setInt(2, r.number());
                s.setString(3, f.getKey());
                s.setString(4, f.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public void activate(String methodologyId, int number, String by, Instant at) {
        transaction(methodologyId, c -> {
            lock(c, methodologyId); // two activations at once take turns: the row is made once, then updated
            if (number > 0) change(c, methodologyId, number, p -> p.setProperty("activated", "true"));
            activateIn(c, methodologyId, number, by, at);
            return null;
        });
    }

    private static void activateIn(Connection c, String methodologyId, int number, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE rule_activation SET number = ?, activated_by = ?, activated_at = ? "
                + "WHERE methodology_id = ?")) {
            s.setInt(1, number);
            s.setString(2, by);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, methodologyId);
            if (s.executeUpdate() == 1) return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO rule_activation (methodology_id, number, activated_by, activated_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, methodologyId);
            s.setInt(2, number);
            s.setString(3, by);
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    @Override
    public void approve(String methodologyId, int number, String by, Instant at) {
        transaction(methodologyId, c -> {
            change(c, methodologyId, number, p -> {
                p.setProperty("approvedBy", by);
                p.setProperty("approvedAt", at.toString());
            });
            return null;
        });
    }

    /** Changes what a stored revision says of itself, its row locked meanwhile. */
    private static void change(Connection c, String methodologyId, int number, java.util.function.Consumer<Properties> edit) throws SQLException {
        Properties p;
        try (PreparedStatement s = c.prepareStatement("SELECT properties FROM rule_revision WHERE methodology_id = ? AND number = ? FOR UPDATE")) {
            s.setString(1, methodologyId);
            s.setInt(2, number);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new RevisionStoreException("revision " + number + " of " + methodologyId + " is not stored", true, null);
                p = RevisionText.parse(r.getString(1));
            }
        }
        edit.accept(p);
        try (PreparedStatement s = c.prepareStatement("UPDATE rule_revision SET properties = ? WHERE methodology_id = ? AND number = ?")) {
            s.setString(1, RevisionText.text(p));
            s.setString(2, methodologyId);
            s.setInt(3, number);
            s.executeUpdate();
        }
    }

    @Override
    public Map<String, Activation> activations() {
        return transaction(null, RevisionTable::activations);
    }

    private static Map<String, Activation> activations(Connection c) throws SQLException {
        Map<String, Activation> all = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT methodology_id, number, activated_by, activated_at FROM rule_activation");
             ResultSet r = s.executeQuery()) {
            while (r.next()) all.put(r.getString(1), new Activation(r.getInt(2), r.getString(3), r.getTimestamp(4).toInstant()));
        }
        return all;
    }

    @Override
    public Map<String, String> files(String methodologyId, int number) {
        return transaction(null, c -> {
            Map<String, String> files = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path, content FROM rule_revision_file WHERE methodology_id = ? AND number = ?")) {
                s.setString(1, methodologyId);
                s.setInt(2, number);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) files.put(r.getString(1), r.getString(2));
                }
            }
            return files;
        });
    }

    /**
     * Brings a single node's revisions into the shared tables, as they are (numbers, states, activations), if the tables
     * hold none: all in one transaction, under a lock every node takes for it (PostgreSQL), so two nodes starting at once
     * from copies of one folder import it once. Revisions the folder cannot read are left out, and so is an activation
     * that names one. True if it imported.
     */
    public boolean importIfEmpty(RevisionFolder folder) {
        Map<String, List<Revision>> all = folder.load();
        Map<String, Activation> activations = folder.activations();
        if (all.isEmpty() && activations.isEmpty()) return false;
        return transaction(null, c -> {
            if (notify) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    s.setLong(1, IMPORT_LOCK);
                    s.execute();
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM rule_revision) + (SELECT COUNT(*) FROM rule_activation)");
                 ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) return false;
            }
            for (List<Revision> list : all.values()) {
                for (Revision r : list) {
                    Revision whole = new Revision(r.methodologyId(), r.number(), r.state(), r.hash(), r.author(), r.time(), r.comment(),
                            r.baseVersion(), folder.files(r.methodologyId(), r.number()), r.errors(), r.goldenChanges(), r.approvedBy(), r.approvedAt());
                    saveIn(c, whole, r.state() == RevisionState.ACTIVE || r.state() == RevisionState.SUPERSEDED);
                }
            }
            for (Map.Entry<String, List<Revision>> m : all.entrySet()) {
                Activation a = activations.get(m.getKey());
                Revision active = m.getValue().stream().filter(r -> r.state() == RevisionState.ACTIVE).findFirst().orElse(null);
                boolean stored = a != null && (a.revision() == 0 || m.getValue().stream().anyMatch(r -> r.number() == a.revision()));
                if (active != null) {
                    activateIn(c, m.getKey(), active.number(), a != null ? a.by() : "import", a != null ? a.at() : Instant.now());
                } else if (stored) {
                    activateIn(c, m.getKey(), a.revision(), a.by(), a.at());
                }
            }
            return true;
        });
    }

    /** The advisory lock the nodes take to import (an arbitrary number, the same on every node). */
    private static final long IMPORT_LOCK = 0x5241504f52L; // "RAPOR"
}
