package id.rapor.http.auth;

import id.rapor.api.cluster.SharedChanges;
import java.io.IOException;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several nodes on one PostgreSQL know the same users: once the database is there, the users are its table
 * ({@link UserTable}), read into memory, and read again whenever any node changes one ({@code NOTIFY rapor_users},
 * through {@link SharedChanges}) or the notices may have been missed. A user changed or removed on one node is so on
 * every node within a notice's time, and their sessions there end at their next call ({@link Authenticator#stillValid}).
 * The first node to share an empty table brings its etc/users.properties along (the admin an operator made with
 * bin/rapor-user before choosing PostgreSQL). A node that loses the database goes by the users it read last.
 */
@Component(immediate = true)
public final class SharedUsers {
    private static final Logger LOG = LoggerFactory.getLogger(SharedUsers.class);
    private final UserTable table;
    private final CurrentUsers current;
    private final UsersFile file;
    private final String fileName;
    private final AutoCloseable listening;
    /** Whether this node goes by the table yet. */
    private volatile boolean adopted;

    @Activate
    public SharedUsers(BundleContext context, @Reference(target = "(rapor.database.kind=postgresql)") DataSource database,
            @Reference SharedChanges changes, @Reference Guard guard) {
        table = new UserTable(database::getConnection, true);
        current = guard.users();
        file = Guard.usersFile(context);
        fileName = context.getProperty("rapor.users.file");
        try {
            adopt();
        } catch (IOException e) {
            // Tried again when the database answers (the notices' connection tells when): until then nobody logs in.
            LOG.warn("The shared users could not be read yet, so nobody can log in: {}", e.getMessage());
        }
        // Each notice names a user; all of them are read again all the same (a few rows).
        listening = changes.listen(UserTable.CHANNEL, name -> {
            try {
                if (adopted) table.reload();
                else adopt();
            } catch (IOException e) {
                LOG.warn("The shared users could not be read again; going by those read last: {}", e.getMessage());
            }
        });
    }

    /** The first read: the file's users brought into an empty table, the table read, and made this node's users. */
    private synchronized void adopt() throws IOException {
        if (adopted) return;
        int brought = table.importIfEmpty(file, "import from etc/users.properties");
        if (brought > 0) LOG.info("The {} users of {} are now the shared database's; that file is no longer read", brought, fileName);
        table.reload();
        current.use(table);
        adopted = true;
        LOG.info("The users are the shared database's: {} of them", table.all().size());
    }

    @Deactivate
    void close() throws Exception {
        listening.close();
    }
}
