package id.rapor.api.cluster;

import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes any node made to what the nodes share, as PostgreSQL's {@code LISTEN}/{@code NOTIFY} delivers them: a
 * writer sends {@code pg_notify(channel, payload)} in the transaction of its change, so the notice goes out when the
 * change commits, to every node (the writer's own included). Registered only where the records' database is
 * PostgreSQL; a single node on its embedded database has nobody to tell.
 */
@ProviderType
public interface SharedChanges {

    /**
     * Calls {@code listener} with each payload sent on {@code channel}, on one thread of the service's, in the order
     * sent; and with {@code null} whenever notices may have been missed (the connection to the database was lost and
     * is back): the listener then reads everything again. Closing the handle stops the calls.
     */
    AutoCloseable listen(String channel, Consumer<String> listener);
}
