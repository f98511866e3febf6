package id.rapor.engine.revision;

import id.rapor.api.cluster.SharedChanges;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes on one PostgreSQL serve the same revisions: once the database is there, the revisions are its
 * ({@link RevisionTable}), and every change any node commits reaches every other through {@code NOTIFY}
 * ({@link SharedChanges}), after which each reads them again and serves what is active. A node whose revisions lay
 * under its data folder before brings them along the first time, when the database has none.
 *
 * <p>A node that loses the database keeps serving what it has; its readiness says the database is missing, and
 * once the connection is back it reads everything again (what it missed meanwhile included).
 */
@Component(immediate = true)
public final class SharedRevisions {
    private static final Logger LOG = LoggerFactory.getLogger(SharedRevisions.class);
    private final RevisionTable table;
    private final RevisionManager revisions;
    private final Path data;
    private final AutoCloseable listening;
    /** Guarded by this: whether the table is the node's store yet. */
    private boolean shared;
    private boolean failing;

    /**
     * Nothing is read here: the first notice (PostgresNotices sends one, "read everything", as soon as it listens, and
     * again every half minute) brings the revisions in, so a database that fails a moment is tried again, not given up.
     */
    @Activate
    public SharedRevisions(BundleContext context, @Reference(target = "(rapor.database.kind=postgresql)") DataSource database,
            @Reference SharedChanges changes, @Reference RevisionManager revisions) {
        this.table = new RevisionTable(database, true);
        this.revisions = revisions;
        this.data = context.getProperty("rapor.data") == null ? null : Path.of(context.getProperty("rapor.data"));
        // Each notice names a methodology; every methodology is read again all the same (a few rows each).
        this.listening = changes.listen(RevisionTable.CHANNEL, methodologyId -> changed());
    }

    /** Never throws: what fails now is tried again at the next notice or the next periodic "read everything". */
    private synchronized void changed() {
        try {
            if (!shared) {
                if (data != null) {
                    RevisionFolder local = new RevisionFolder(data);
                    if (table.importIfEmpty(local)) {
                        LOG.info("The revisions under {} are now the shared database's; that folder is no longer read", data.resolve("revisions"));
                    } else if (!local.isEmpty()) {
                        LOG.warn("The revisions under {} are not used: the shared database has revisions of its own", data.resolve("revisions"));
                    }
                }
                revisions.share(table);
                shared = true;
            } else {
                revisions.refresh();
            }
            if (failing) LOG.info("The shared revisions are read again");
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) LOG.warn("The shared revisions could not be read ({}); trying again at the next notice", e.toString());
            failing = true;
        }
    }

    @Deactivate
    void close() throws Exception {
        listening.close();
    }
}
