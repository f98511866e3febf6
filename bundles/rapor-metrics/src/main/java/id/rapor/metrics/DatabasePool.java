package id.rapor.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The records' database pool, read from the MBean HikariCP registers for the pool named
 * {@code rapor} (rapor-database turns it on): no dependency of this bundle on HikariCP, and
 * nothing reported while there is no pool.
 */
final class DatabasePool {
    private static final String[][] FIGURES = {
            {"rapor_db_pool_active_connections", "ActiveConnections", "Connections of the records' database in use"},
            {"rapor_db_pool_idle_connections", "IdleConnections", "Connections of the records' database open and idle"},
            {"rapor_db_pool_total_connections", "TotalConnections", "Connections of the records' database open"},
            {"rapor_db_pool_pending_threads", "ThreadsAwaitingConnection", "Requests waiting for a connection of the records' database"}};

    private DatabasePool() {}

    static void register(PrometheusRegistry registry) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pool;
        try {
            pool = new ObjectName("com.zaxxer.hikari:type=Pool (rapor)");
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
        for (String[] f : FIGURES) {
            GaugeWithCallback.builder().name(f[0]).help(f[2]).callback(callback -> {
                try {
                    if (server.isRegistered(pool)) callback.call(((Number) server.getAttribute(pool, f[1])).doubleValue());
                } catch (JMException | RuntimeException gone) {
                    // the pool closed between the two calls: nothing to report this time
                }
            }).register(registry);
        }
    }
}
