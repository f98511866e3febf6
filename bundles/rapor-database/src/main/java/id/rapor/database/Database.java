package id.rapor.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import id.rapor.api.cluster.SharedChanges;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rapor's database. Opens the pool, migrates the schema, and only then offers the pool as a
 * {@link DataSource} service (property {@code rapor.database.kind}: {@code h2} or
 * {@code postgresql}), so no one ever queries a schema that is not current. A database that is
 * not there at start is tried again every few seconds in the background: scoring starts all the
 * same, and the records' endpoints answer 503 until it comes.
 */
@Component(immediate = true, service = {})
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final long RETRY_SECONDS = 5;

    private final BundleContext context;
    private final DatabaseSettings settings;
    /** Opened by the start thread: making the pool sets up JMX for its MBeans, ~150 ms that need not hold up the bundles' start. */
    private volatile HikariDataSource pool;
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rapor-database-start");
        t.setDaemon(true);
        return t;
    });
    private volatile ServiceRegistration<DataSource> registration;
    private volatile PostgresNotices notices;
    private volatile ServiceRegistration<SharedChanges> noticesRegistration;
    private volatile boolean failedOnce;

    @Activate
    public Database(BundleContext context) {
        this.context = context;
        this.settings = DatabaseSettings.from(context::getProperty);
        starter.execute(this::start);
    }

    private void start() {
        try {
            if (pool == null) pool = Pools.open(settings);
            MigrateResult result = Migrations.migrate(pool, settings.kind());
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("rapor.database.kind", settings.kind().name().toLowerCase(java.util.Locale.ROOT));
            // An H2 file this process opened alone (not over TCP, not AUTO_SERVER): nobody else writes it.
            String lower = settings.url().toLowerCase(java.util.Locale.ROOT);
            props.put("rapor.database.embedded", settings.kind() == DatabaseSettings.Kind.H2 && lower.startsWith("jdbc:h2:file:")
                    && !lower.contains("auto_server=true"));
            registration = context.registerService(DataSource.class, pool, props);
            if (settings.kind() == DatabaseSettings.Kind.POSTGRESQL) {
                // Several nodes may share this database: they hear each other's changes through it.
                notices = new PostgresNotices(settings);
                noticesRegistration = context.registerService(SharedChanges.class, notices, new Hashtable<>());
            }
            LOG.info("Database {} ready: schema version {} ({} migration(s) applied now)", settings.safeUrl(),
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : "current", result.migrationsExecuted);
        } catch (RuntimeException e) {
            if (!failedOnce) {
                LOG.error("Database {} cannot be used yet: {}; trying again every {} s (scoring goes on; the records answer 503)",
                        settings.safeUrl(), rootMessage(e), RETRY_SECONDS);
                failedOnce = true;
            }
            if (!starter.isShutdown()) starter.schedule(this::start, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        starter.shutdownNow();
        starter.awaitTermination(10, TimeUnit.SECONDS);
        unregister(noticesRegistration);
        if (notices != null) notices.close();
        unregister(registration);
        if (pool != null) pool.close();
    }

    private static void unregister(ServiceRegistration<?> r) {
        if (r == null) return;
        try {
            r.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework is stopping this bundle and took it already
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The pool's settings: small, and quick to say the database is gone rather than hang a request. */
    static final class Pools {
        private Pools() {}

        static HikariDataSource open(DatabaseSettings s) {
            HikariConfig c = new HikariConfig();
            c.setPoolName("rapor");
            c.setRegisterMbeans(true);          // read by rapor-metrics (rapor_db_pool_*) through JMX
            c.setJdbcUrl(s.url());
            c.setDriverClassName(s.kind() == DatabaseSettings.Kind.H2 ? "org.h2.Driver" : "org.postgresql.Driver");
            if (s.user() != null) c.setUsername(s.user());
            if (s.password() != null) c.setPassword(s.password());
            c.setMaximumPoolSize(s.poolSize());
            c.setMinimumIdle(Math.min(2, s.poolSize()));
            c.setConnectionTimeout(3_000);       // a request waits at most this long for a connection, then 503
            c.setValidationTimeout(1_000);
            c.setInitializationFailTimeout(-1);  // start without the database; connections come when it does
            c.setAutoCommit(true);
            return new HikariDataSource(c);
        }
    }
}
