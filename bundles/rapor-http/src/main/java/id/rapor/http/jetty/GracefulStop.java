package id.rapor.http.jetty;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets requests in flight finish when Rapor stops. Felix HTTP gives Jetty its stop timeout
 * ({@code shutdown.grace.ms}, passed on by the launcher as {@code org.apache.felix.jetty.stopTimeout})
 * but no handler that counts requests, so Jetty 12 would close the connectors and drop them.
 * With a {@link GracefulHandler} over each context, {@code Server.stop()} closes the listening socket
 * (new connections are refused), waits until the requests under way are answered (or the timeout
 * passes), then stops.
 */
final class GracefulStop {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

    private GracefulStop() {}

    /**
     * Each servlet context of {@code server} under a {@link GracefulHandler}. The server's own
     * handler cannot change once it runs; Felix's collection of contexts can, and maps a context
     * by the context it contains, so a wrapped context keeps its path.
     */
    static void install(Server server) {
        ContextHandlerCollection contexts = server.getDescendant(ContextHandlerCollection.class);
        if (contexts == null || !contexts.isDynamic()) {
            LOG.warn("Jetty: no collection of contexts to make graceful; requests in flight may fail when Rapor stops");
            return;
        }
        List<Handler> wrapped = new ArrayList<>();
        for (Handler context : contexts.getHandlers()) {
            if (context instanceof GracefulHandler) return; // done already (another connector of the same server)
            // The running context stays as it is: unmanaged while it moves under its new parent, so the swap stops nothing.
            contexts.unmanage(context);
            wrapped.add(new GracefulHandler(context));
        }
        contexts.setHandlers(wrapped);
        for (Handler h : wrapped) {
            GracefulHandler graceful = (GracefulHandler) h;
            try {
                if (!graceful.isStarted()) graceful.start();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty's graceful handler did not start", e);
            }
            // From now on it stops the context when the server stops.
            graceful.manage(graceful.getHandler());
        }
        LOG.info("Jetty: requests in flight may take {} ms to finish when Rapor stops", server.getStopTimeout());
    }
}
