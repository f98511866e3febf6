package id.rapor.records.evidence;

import id.rapor.api.text.Message;
import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.Evidence;
import id.rapor.api.records.EvidenceLimits;
import id.rapor.api.records.EvidenceStore;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.records.sql.RecordAudit;
import id.rapor.records.sql.Transactions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence rows in the {@code evidence} table, their files in {@link EvidenceFolder} (by default
 * {@code data/evidence/}, under the framework property {@code rapor.data}).
 * <p>
 * An attach writes the file first (whole, forced to disk, moved to its name), then the row in a
 * transaction that also checks the assessment is a draft (locking its row, so a submit waits)
 * and audits the change. If the transaction fails, a file that this attach put under its name is
 * removed again; one that was there already (the same content attached elsewhere) stays. Content
 * no longer named by any row — a replaced or removed file — is deleted after the commit. Each
 * content hash has its lock, held from the move to the cleanup, so two attaches of one content
 * never remove each other's file. A crash between the move and the commit leaves a file no row
 * names: the sweep at start removes it, with whatever {@code incoming/} holds.
 */
@Component(service = EvidenceStore.class)
public final class JdbcEvidenceStore implements EvidenceStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcEvidenceStore.class);
    private static final String COLUMNS = "assessment_id, indicator, file_name, media_type, size_bytes, sha256, stored_by, stored_at, stored_key";
    private static final int MAX_INDICATOR = 100;

    private final Transactions tx;
    private final EvidenceFolder folder;
    private final FreeSpace freeSpace;
    private final Object[] locks = new Object[64];
    /** Open {@link #holdRemovals()} holds, and the keys whose deletion waits for the last to close. */
    private int holds;
    private final java.util.Set<String> heldBack = new java.util.HashSet<>();

    @Activate
    public JdbcEvidenceStore(@Reference(target = "(rapor.database.kind=*)") DataSource dataSource, BundleContext context) throws IOException {
        this(dataSource, Path.of(Optional.ofNullable(context.getProperty("rapor.data")).orElse("data")).resolve("evidence"));
        int removed = sweep();
        if (removed > 0) LOG.warn("Evidence: removed {} file(s) that no record names (left by an interrupted attach)", removed);
    }

    /** Evidence files under {@code folder}. */
    public JdbcEvidenceStore(DataSource dataSource, Path folder) throws IOException {
        this(dataSource, new EvidenceFolder(folder), null);
    }

    /** The bytes free on the folder's disk, as the disk floor sees them (a test gives its own). */
    @FunctionalInterface
    interface FreeSpace {
        long bytes() throws IOException;
    }

    JdbcEvidenceStore(DataSource dataSource, EvidenceFolder folder, FreeSpace freeSpace) {
        this.tx = new Transactions(dataSource);
        this.folder = folder;
        this.freeSpace = freeSpace != null ? freeSpace : folder::usableSpace;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
    }

    @Override
    public Evidence attach(long assessmentId, String indicator, String name, InputStream content, EvidenceLimits limits, Actor actor)
            throws RecordException, IOException {
        if (indicator == null || indicator.isBlank() || indicator.length() > MAX_INDICATOR) {
            throw new RecordConflictException("invalid-evidence", "indicator", Message.of("records.evidence.indicatorLength", MAX_INDICATOR));
        }
        String shown = EvidenceNames.clean(name).orElseThrow(() -> new RecordConflictException("invalid-evidence", "name",
                Message.of("records.evidence.nameMissing")));
        // Refused before a byte is written where even the largest file allowed would leave less than the floor free.
        checkFreeSpace(limits, limits.maxBytes());
        EvidenceFolder.Received received;
        try {
            received = folder.receive(content, limits.maxBytes());
        } catch (EvidenceFolder.TooLarge e) {
            throw new RecordConflictException("evidence-too-large", "file",
                    Message.of("records.evidence.tooLarge", limits.maxBytes()));
        }
        try {
            checkFreeSpace(limits, 0); // again, now that it is written: uploads at once share the disk
        } catch (RecordException | IOException | RuntimeException e) {
            folder.discard(received);
            throw e;
        }
        String type;
        try {
            type = EvidenceTypes.detect(received.file()).orElse(null);
        } catch (IOException | RuntimeException e) {
            folder.discard(received);
            throw e;
        }
        if (type == null) {
            folder.discard(received);
            throw new RecordConflictException("evidence-type-refused", "file",
                    Message.of("records.evidence.typeRefused", shown, EvidenceTypes.ALLOWED));
        }
        synchronized (lock(received.sha256())) {
            boolean stored = folder.keep(received);
            String replaced;
            try {
                replaced = tx.<String, RecordException>inTransaction(c -> insert(c, assessmentId, indicator, shown, type, received, limits, actor));
            } catch (RuntimeException | Error | RecordException e) {
                if (stored) forget(received.key(), e);
                throw e;
            }
            if (replaced != null && !replaced.equals(received.key())) removeIfUnnamed(replaced);
        }
        return find(assessmentId, indicator, shown).orElseThrow();
    }

    /** The row, in the draft's transaction; returns the key of a replaced file of the same name, if any. */
    private static String insert(Connection c, long assessmentId, String indicator, String name, String type, EvidenceFolder.Received r,
            EvidenceLimits limits, Actor actor) throws SQLException, RecordException {
        draft(c, assessmentId);
        String replaced = null;
        Evidence before = load(c, assessmentId, indicator, name);
        if (before != null) {
            replaced = key(c, assessmentId, indicator, name);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM evidence WHERE assessment_id = ? AND indicator = ? AND file_name = ?")) {
                s.setLong(1, assessmentId);
                s.setString(2, indicator);
                s.setString(3, name);
                s.executeUpdate();
            }
        }
        checkUnitQuota(c, assessmentId, r.size(), limits);
        long files;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM evidence WHERE assessment_id = ?")) {
            s.setLong(1, assessmentId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                files = rs.getLong(1);
            }
        }
        if (files >= limits.maxFiles()) {
            throw new RecordConflictException("evidence-full", "file",
                    Message.of("records.evidence.full", assessmentId, files));
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO evidence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, assessmentId);
            s.setString(2, indicator);
            s.setString(3, name);
            s.setString(4, type);
            s.setLong(5, r.size());
            s.setString(6, r.sha256());
            s.setString(7, actor.user());
            s.setTimestamp(8, Timestamp.from(Instant.now()));
            s.setString(9, r.key());
            s.executeUpdate();
        }
        RecordAudit.record(c, actor, before == null ? "evidence.attach" : "evidence.replace", "assessment:" + assessmentId,
                indicator + ": '" + name + "' " + type + ", " + r.size() + " bytes, sha256 " + r.sha256()
                        + (before == null ? "" : " (was sha256 " + before.sha256() + ")"));
        return replaced;
    }

    /**
     * Refuses a file that would take the unit's evidence past {@code unitMaxBytes}: every attachment of every assessment of
     * the unit counted (a replaced file's row is gone already). The unit's row is locked, so its attaches are counted one
     * after the other.
     */
    private static void checkUnitQuota(Connection c, long assessmentId, long size, EvidenceLimits limits) throws SQLException, RecordException {
        String unit;
        try (PreparedStatement s = c.prepareStatement("SELECT u.id FROM unit u JOIN assessment a ON a.unit_id = u.id WHERE a.id = ? FOR UPDATE")) {
            s.setLong(1, assessmentId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                unit = r.getString(1);
            }
        }
        long used;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(e.size_bytes), 0) FROM evidence e JOIN assessment a "
                + "ON a.id = e.assessment_id WHERE a.unit_id = ?")) {
            s.setString(1, unit);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                used = r.getLong(1);
            }
        }
        if (used + size > limits.unitMaxBytes()) {
            throw new RecordConflictException("evidence-quota", "file",
                    Message.of("records.evidence.unitQuota", unit, used, size, limits.unitMaxBytes()));
        }
    }

    /** Refuses when the disk would keep less than {@code minFreeBytes} free once {@code coming} more bytes are written. */
    private void checkFreeSpace(EvidenceLimits limits, long coming) throws IOException, RecordException {
        long free = freeSpace.bytes();
        if (free - coming < limits.minFreeBytes()) {
            throw new RecordConflictException("insufficient-storage", "file", Message.of("records.evidence.diskFloor", free, limits.minFreeBytes()));
        }
    }

    @Override
    public List<Evidence> list(long assessmentId) throws RecordException {
        return tx.<List<Evidence>, RecordException>read(c -> {
            exists(c, assessmentId);
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM evidence WHERE assessment_id = ? ORDER BY indicator, file_name")) {
                s.setLong(1, assessmentId);
                return rows(s);
            }
        });
    }

    @Override
    public Optional<Evidence> find(long assessmentId, String indicator, String name) throws RecordException {
        return tx.<Optional<Evidence>, RecordException>read(c -> {
            exists(c, assessmentId);
            return Optional.ofNullable(load(c, assessmentId, indicator, name));
        });
    }

    @Override
    public InputStream open(Evidence evidence) throws IOException {
        return Files.newInputStream(folder.file(evidence.sha256().substring(0, 2) + "/" + evidence.sha256()));
    }

    @Override
    public void remove(long assessmentId, String indicator, String name, Actor actor) throws RecordException {
        String key = tx.<String, RecordException>inTransaction(c -> {
            draft(c, assessmentId);
            Evidence e = load(c, assessmentId, indicator, name);
            if (e == null) throw new RecordNotFoundException("evidence", indicator + "/" + name);
            String k = key(c, assessmentId, indicator, name);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM evidence WHERE assessment_id = ? AND indicator = ? AND file_name = ?")) {
                s.setLong(1, assessmentId);
                s.setString(2, indicator);
                s.setString(3, name);
                s.executeUpdate();
            }
            RecordAudit.record(c, actor, "evidence.remove", "assessment:" + assessmentId,
                    indicator + ": '" + name + "' " + e.mediaType() + ", sha256 " + e.sha256());
            return k;
        });
        synchronized (lock(key.substring(3))) {
            removeIfUnnamed(key);
        }
    }

    /**
     * Removes the stored files that no row names, and what {@code incoming/} holds: what a crash
     * between writing a file and committing its row leaves. Run at start, before anyone attaches.
     */
    public int sweep() throws IOException {
        Set<String> named = tx.read(c -> {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT stored_key FROM evidence"); ResultSet r = s.executeQuery()) {
                while (r.next()) keys.add(r.getString(1));
            }
            return keys;
        });
        return folder.sweep(named::contains);
    }

    /** The assessment, locked until the transaction ends; a draft, or a conflict. */
    private static void draft(Connection c, long assessmentId) throws SQLException, RecordException {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM assessment WHERE id = ? FOR UPDATE")) {
            s.setLong(1, assessmentId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new RecordNotFoundException("assessment", String.valueOf(assessmentId));
                String state = r.getString(1);
                if (!AssessmentState.DRAFT.wire().equals(state)) {
                    throw new RecordConflictException("not-a-draft", "state",
                            Message.of("records.evidence.notDraft", assessmentId, state));
                }
            }
        }
    }

    private static void exists(Connection c, long assessmentId) throws SQLException, RecordNotFoundException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM assessment WHERE id = ?")) {
            s.setLong(1, assessmentId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new RecordNotFoundException("assessment", String.valueOf(assessmentId));
            }
        }
    }

    @Override
    public Hold holdRemovals() {
        synchronized (heldBack) {
            holds++;
        }
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (!closed.compareAndSet(false, true)) return;
            List<String> now;
            synchronized (heldBack) {
                if (--holds > 0) return;
                now = new java.util.ArrayList<>(heldBack);
                heldBack.clear();
            }
            for (String key : now) {
                synchronized (lock(key.substring(3))) {
                    removeIfUnnamed(key);
                }
            }
        };
    }

    /**
     * Deletes the content of {@code key} if no row names it; a database that cannot say leaves it to the next sweep. During a
     * hold the deletion waits: the row that named it was deleted before this call, so a database copy begun after the hold
     * began cannot name it, and one begun before may (see {@link #holdRemovals()}).
     */
    private void removeIfUnnamed(String key) {
        synchronized (heldBack) {
            if (holds > 0) {
                heldBack.add(key);
                return;
            }
        }
        try {
            boolean named = tx.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM evidence WHERE stored_key = ?")) {
                    s.setString(1, key);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next();
                    }
                }
            });
            if (!named) folder.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Evidence {}: not removed now ({}); the sweep at the next start removes it", key, e.toString());
        }
    }

    /** Removes a file this attach stored, whose row was not committed: no row can name it (its lock is held). */
    private void forget(String key, Throwable cause) {
        try {
            folder.delete(key);
        } catch (IOException e) {
            cause.addSuppressed(e);
            LOG.warn("Evidence {}: not removed after a failed attach ({}); the sweep at the next start removes it", key, e.toString());
        }
    }

    private Object lock(String sha256) {
        return locks[Math.floorMod(sha256.hashCode(), locks.length)];
    }

    private static String key(Connection c, long assessmentId, String indicator, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT stored_key FROM evidence WHERE assessment_id = ? AND indicator = ? AND file_name = ?")) {
            s.setLong(1, assessmentId);
            s.setString(2, indicator);
            s.setString(3, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static Evidence load(Connection c, long assessmentId, String indicator, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM evidence WHERE assessment_id = ? AND indicator = ? AND file_name = ?")) {
            s.setLong(1, assessmentId);
            s.setString(2, indicator);
            s.setString(3, name);
            List<Evidence> found = rows(s);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<Evidence> rows(PreparedStatement s) throws SQLException {
        List<Evidence> list = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                list.add(new Evidence(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getString(6).trim(),
                        r.getString(7), r.getTimestamp(8).toInstant()));
            }
        }
        return list;
    }
}
