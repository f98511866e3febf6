package id.rapor.http.jetty;

import id.rapor.http.auth.Forwarding;

import id.rapor.http.api.Settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.http.jetty.ConnectorFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty settings Felix HTTP has no property for: a minimum data rate for request bodies and
 * answers (http.min.data.rate), a limit on connections per client address
 * (http.connections.per.address), and problem+json for Jetty's own error answers. The idle
 * timeout Felix does set (http.idle.timeout.ms, passed on by the launcher).
 * <p>
 * Felix HTTP hands its Jetty server to nobody but a {@link ConnectorFactory} service, which
 * it asks for an extra connector once the server runs. So this is one: it configures the
 * server's connectors, and returns Jetty's in-memory LocalConnector, which listens on nothing.
 */
@Component(service = ConnectorFactory.class, configurationPid = Settings.PID)
public final class JettyHardening implements ConnectorFactory {
    private static final Logger LOG = LoggerFactory.getLogger(JettyHardening.class);
    static final int DEFAULT_MIN_DATA_RATE = 2048;
    static final int DEFAULT_CONNECTIONS_PER_ADDRESS = 64;

    private int minDataRate = DEFAULT_MIN_DATA_RATE;
    private int connectionsPerAddress = DEFAULT_CONNECTIONS_PER_ADDRESS;
    /** bodies.concurrent, which the servlet applies (RequestBodies): checked here against the server's threads. */
    private int bodiesConcurrent = 100;
    /** Each hardened server and the error handler Felix had given it. */
    private final Map<Server, Request.Handler> hardened = new HashMap<>();
    private final List<HttpConfiguration> rated = new ArrayList<>();
    private final List<ServerConnector> limited = new ArrayList<>();
    private ConnectionsPerAddress limit;

    public JettyHardening() {
        // as Declarative Services makes it; the settings come in activate
    }

    JettyHardening(int minDataRate, int connectionsPerAddress) {
        this.minDataRate = minDataRate;
        this.connectionsPerAddress = connectionsPerAddress;
    }

    @Activate
    synchronized void activate(Settings settings) {
        minDataRate = Settings.Check.within("min.data.rate", settings.min_data_rate(), 0, Integer.MAX_VALUE, DEFAULT_MIN_DATA_RATE);
        connectionsPerAddress = Settings.Check.within("connections.per.address", settings.connections_per_address(), 1, 1_000_000,
                DEFAULT_CONNECTIONS_PER_ADDRESS);
        Forwarding.trust(settings.proxies_trusted());
        int bodies = settings.bodies_concurrent();
        bodiesConcurrent = bodies >= 1 && bodies <= 100_000 ? bodies : 100; // out of range: the servlet says so, and uses 100
    }

    /** Changed limits apply to the running server at once: to reads and writes from now on, and to connections accepted next. */
    @Modified
    synchronized void modified(Settings settings) {
        activate(settings);
        for (HttpConfiguration h : rated) {
            h.setMinRequestDataRate(minDataRate);
            h.setMinResponseDataRate(minDataRate);
        }
        if (limit != null) limit.limit(connectionsPerAddress);
        hardened.keySet().forEach(this::checkThreads);
        LOG.info("Jetty: at least {} bytes/s per request body and answer, at most {} connections per client address", minDataRate,
                connectionsPerAddress);
    }

    @Override
    public synchronized Connector createConnector(Server server) {
        harden(server);
        return new LocalConnector(server);
    }

    /** Configures {@code server}'s connectors and error handling as the settings say. */
    synchronized void harden(Server server) {
        if (limit == null) limit = new ConnectionsPerAddress(connectionsPerAddress);
        hardened.put(server, server.getErrorHandler());
        server.setErrorHandler(new ProblemErrorHandler());
        for (Connector c : server.getConnectors()) {
            for (var f : c.getConnectionFactories()) {
                if (f instanceof HttpConfiguration.ConnectionFactory h) {
                    // Checked by Jetty at each read and write: a body trickling in a byte every few seconds
                    // ends with 408 instead of holding a thread for as long as the client likes.
                    h.getHttpConfiguration().setMinRequestDataRate(minDataRate);
                    h.getHttpConfiguration().setMinResponseDataRate(minDataRate);
                    rated.add(h.getHttpConfiguration());
                }
            }
            if (c instanceof ServerConnector s) {
                s.getSelectorManager().addEventListener(limit);
                limited.add(s);
            }
        }
        LOG.info("Jetty: at least {} bytes/s per request body and answer, at most {} connections per client address, "
                + "errors as problem+json", minDataRate, connectionsPerAddress);
        checkThreads(server);
        GracefulStop.install(server);
    }

    /** Bodies being read each hold a thread: as many as the server has would leave none for /health. */
    private void checkThreads(Server server) {
        if (server.getThreadPool() instanceof ThreadPool.SizedThreadPool pool && bodiesConcurrent > pool.getMaxThreads() / 2) {
            LOG.warn("bodies.concurrent={} lets request bodies being read hold more than half of the server's {} threads; "
                    + "calls without a body may find none", bodiesConcurrent, pool.getMaxThreads());
        }
    }

    /** Leaves Jetty as Felix made it: Rapor's classes are going away. */
    @Deactivate
    synchronized void deactivate() {
        for (ServerConnector s : limited) s.getSelectorManager().removeEventListener(limit);
        for (HttpConfiguration h : rated) {
            h.setMinRequestDataRate(0);
            h.setMinResponseDataRate(0);
        }
        hardened.forEach((server, felixs) -> {
            if (server.getErrorHandler() instanceof ProblemErrorHandler) server.setErrorHandler(felixs);
        });
        limited.clear();
        rated.clear();
        hardened.clear();
    }
}
