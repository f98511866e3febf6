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
    private final AutoCloseable listening;

    @Activate
    public SharedUsers(BundleContext context, @Reference(target = "(rapor.database.kind=postgresql)") DataSource database,
            @Reference SharedChanges changes, @Reference Guard guard) {
        table = new UserTable(database::getConnection, true);
        CurrentUsers current = guard.users();
        try {
            int brought = table.importIfEmpty(Guard.usersFile(context), "import from etc/users.properties");
            if (brought > 0) {
                LOG.info("The {} users of {} are now the shared database's; that file is no longer read", brought,
                        context.getProperty("rapor.users.file"));
            }
            table.reload();
            current.use(table);
            LOG.info("The users are the shared database's: {} of them", table.all().size());
        } catch (IOException e) {
            // Read when the database answers again (the notices' connection tells when): until then nobody logs in.
            LOG.warn("The shared users could not be read yet, so nobody can log in: {}", e.getMessage());
        }
        // Each notice names a user; all of them are read again all the same (a few rows).
        listening = changes.listen(UserTable.CHANNEL, name -> {
            try {
                table.reload();
                if (current != null) current.use(table);
            } catch (IOException e) {
                LOG.warn("The shared users could not be read again; going by those read last: {}", e.getMessage());
            }
        });
    }

    @Deactivate
    void close() throws Exception {
        listening.close();
    }
}
