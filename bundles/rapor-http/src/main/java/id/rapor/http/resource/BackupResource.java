package id.rapor.http.resource;

import id.rapor.api.FieldError;
import id.rapor.api.records.EvidenceStore;
import id.rapor.api.text.Message;
import id.rapor.http.api.LogSafe;
import id.rapor.http.api.Routes;
import id.rapor.http.auth.Authenticator;
import id.rapor.http.auth.Guard;
import id.rapor.http.backup.BackupArchive;
import id.rapor.http.json.HttpProblem;
import id.rapor.http.json.JsonResponses;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /backups: a backup of this node's records and settings ({@link BackupArchive}) under data/backups/, for an admin of
 * every unit (it holds them all, and the users' password hashes). The embedded database is copied by H2 as one transaction
 * sees it while requests go on; the evidence files after it, with their removal held back meanwhile, so every file a row of
 * the copy names is in the zip. One batch slot while it runs; the caller never chooses where it goes.
 */
public final class BackupResource {
    private static final Logger LOG = LoggerFactory.getLogger(BackupResource.class);
    private static final String ADMIN = "admin";

    private final Guard guard;
    private final Needed<DataSource> database;
    private final Needed<EvidenceStore> evidence;
    private final BackupArchive.Home home;
    /** Backups kept under data/backups/ (backups.keep): the oldest beyond it go once a new one is written. */
    private final int keep;
    private final BatchSlots batches;
    private final JsonResponses out;

    public BackupResource(Guard guard, Needed<DataSource> database, Needed<EvidenceStore> evidence, BackupArchive.Home home,
            int keep, BatchSlots batches, JsonResponses out) {
        this.guard = guard;
        this.database = database;
        this.evidence = evidence;
        this.home = home;
        this.keep = keep;
        this.batches = batches;
        this.out = out;
    }

    /** POST /backups */
    public void create(Routes.Exchange x) throws IOException, HttpProblem {
        Authenticator.Caller caller = guard.require(x.request(), ADMIN, "backup.create", null, null);
        if (caller.scope(ADMIN) != null) {
            HttpProblem p = HttpProblem.of(403, "forbidden", Message.of("problem.forbidden.detail.backup", caller.name()),
                    List.of(FieldError.of("role", "backup.adminEverywhere")));
            guard.record(x.request(), caller.name(), "backup.create", null, null, 403, p.detail().toString());
            throw p;
        }
        DataSource db = database.get();
        EvidenceStore files = evidence.get();
        BackupArchive.Written written;
        try (BatchSlots.Slot slot = batches.take(); EvidenceStore.Hold hold = files.holdRemovals()) {
            written = BackupArchive.write(home, part(db), Instant.now());
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("Backup failed", LogSafe.failure(e));
            guard.record(x.request(), caller.name(), "backup.create", null, null, 500, "the backup failed: " + e.getMessage());
            throw HttpProblem.of(500, "backup-failed", Message.of("problem.backup-failed.detail"), List.of());
        }
        String path = "data/backups/" + written.file().getFileName();
        List<String> removed = removeOldest();
        guard.record(x.request(), caller.name(), "backup.create", null, null, 201,
                path + " (" + written.bytes() + " bytes, sha256 " + written.sha256() + ", database " + written.database() + ")"
                        + (removed.isEmpty() ? "" : "; removed, beyond backups.keep=" + keep + ": " + String.join(", ", removed)));
        LOG.info("Backup written by {}: {} ({} bytes)", LogSafe.of(caller.name()), path, written.bytes());
        x.response().setHeader("Cache-Control", "no-store");
        out.send(x.response(), 201, g -> {
            g.writeStartObject();
            g.writeStringField("file", written.file().getFileName().toString());
            g.writeStringField("path", path);
            g.writeNumberField("bytes", written.bytes());
            g.writeStringField("sha256", written.sha256());
            g.writeStringField("database", written.database());
            g.writeStringField("created", written.created().toString());
            g.writeEndObject();
        });
    }

    /** Deletes the backups beyond the {@link #keep} newest; a failure costs disk space, not the backup just written. */
    private List<String> removeOldest() {
        try {
            List<String> removed = BackupArchive.keepNewest(home.backups(), keep);
            if (!removed.isEmpty()) LOG.info("Backups beyond backups.keep={} removed: {}", keep, removed);
            return removed;
        } catch (IOException e) {
            LOG.warn("Older backups not removed from data/backups: {}", e.toString());
            return List.of();
        }
    }

    /** The embedded database under data/ is copied by H2; any other (PostgreSQL) is the operator's pg_dump. */
    private BackupArchive.DatabasePart part(DataSource db) throws SQLException {
        String url;
        try (Connection c = db.getConnection()) {
            url = c.getMetaData().getURL();
        }
        String embedded = "jdbc:h2:file:" + home.data().resolve("rapor").toAbsolutePath();
        return url != null && (url.equals(embedded) || url.startsWith(embedded + ";"))
                ? BackupArchive.DatabasePart.runningH2(db, home.backups()) : BackupArchive.DatabasePart.notIncluded();
    }
}
