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
    private final AutoCloseable listening;

    @Activate
    public SharedRevisions(BundleContext context, @Reference(target = "(rapor.database.kind=postgresql)") DataSource database,
            @Reference SharedChanges changes, @Reference RevisionManager revisions) {
        RevisionTable table = new RevisionTable(database, true);
        String data = context.getProperty("rapor.data");
        if (data != null && table.load().isEmpty() && table.activations().isEmpty()) {
            RevisionFolder local = new RevisionFolder(Path.of(data));
            if (!local.isEmpty()) {
                table.importAll(local);
                LOG.info("The revisions under {} are now the shared database's; that folder is no longer read", Path.of(data, "revisions"));
            }
        }
        revisions.share(table);
        // Each notice names a methodology; every methodology is read again all the same (a few rows each).
        listening = changes.listen(RevisionTable.CHANNEL, methodologyId -> revisions.refresh());
    }

    @Deactivate
    void close() throws Exception {
        listening.close();
    }
}
