package id.rapor.database;

import id.rapor.api.cluster.SharedChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SharedChanges} on PostgreSQL: one connection of its own (not the pool's: it is held for as long as Rapor
 * runs) that {@code LISTEN}s on every channel asked for, and one thread that waits for notices on it and hands each
 * to the channel's listeners. Once a channel is listened to (first, and again after a lost connection is opened
 * again, every second), its listeners are told that notices may have been missed ({@code null}).
 */
final class PostgresNotices implements SharedChanges, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresNotices.class);
    /** How long one wait for notices lasts: also how soon a new channel is listened to and a close is seen. */
    static final int WAIT_MS = 250;
    static final long RECONNECT_MS = 1000;
    /**
     * How often the connection is asked something (a connection a NAT or firewall dropped without a word would
     * otherwise wait for notices that never come), and every listener told to read everything (a notice its reading
     * failed on is then made good).
     */
    static final long PING_MS = 15_000;
    static final long RESYNC_MS = 30_000;

    private final DatabaseSettings settings;
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    PostgresNotices(DatabaseSettings settings) {
        this.settings = settings;
        this.thread = new Thread(this::run, "rapor-shared-changes");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public AutoCloseable listen(String channel, Consumer<String> listener) {
        if (!channel.matches("[a-z_]{1,60}")) throw new IllegalArgumentException("a channel is lower-case letters and _: " + channel);
        listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(channel, List.of()).remove(listener);
    }

    private void run() {
        boolean lostBefore = false;
        while (!closed) {
            try (Connection c = open()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                java.util.Set<String> listening = new java.util.HashSet<>();
                if (lostBefore) LOG.info("Listening to the other nodes' changes again; everything shared is read again");
                lostBefore = false;
                long pinged = System.nanoTime();
                long resynced = System.nanoTime();
                while (!closed) {
                    listen(c, listening);
                    PGNotification[] notices = pg.getNotifications(WAIT_MS);
                    if (notices != null) for (PGNotification n : notices) tell(n.getName(), n.getParameter());
                    long now = System.nanoTime();
                    if (now - pinged > PING_MS * 1_000_000) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1"); // fails within socketTimeout if the connection is gone
                        }
                        pinged = now;
                    }
                    if (now - resynced > RESYNC_MS * 1_000_000) {
                        for (String channel : listening) tell(channel, null);
                        resynced = now;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                if (!lostBefore) LOG.warn("Not hearing the other nodes' changes: {}; trying again every {} ms", Database.rootMessage(e), RECONNECT_MS);
                lostBefore = true;
                try {
                    Thread.sleep(RECONNECT_MS);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /**
     * LISTENs on the channels asked for since the last call (all of them on a new connection), then tells their
     * listeners to read everything: what changed before the LISTEN took effect was sent to nobody.
     */
    private void listen(Connection c, java.util.Set<String> listening) throws SQLException {
        for (String channel : listeners.keySet()) {
            if (listening.add(channel)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel); // checked in listen(): letters and _ only
                }
                tell(channel, null);
            }
        }
    }

    private Connection open() throws SQLException {
        Properties p = new Properties();
        if (settings.user() != null) p.setProperty("user", settings.user());
        if (settings.password() != null) p.setProperty("password", settings.password());
        p.setProperty("connectTimeout", "5");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("socketTimeout", "20"); // seconds: a ping that gets no answer ends the connection, and it is opened again
        p.setProperty("ApplicationName", "rapor-shared-changes");
        Connection c = new org.postgresql.Driver().connect(settings.url(), p);
        if (c == null) throw new SQLException("not a PostgreSQL URL: " + settings.safeUrl());
        c.setAutoCommit(true);
        return c;
    }

    private void tell(String channel, String payload) {
        for (Consumer<String> l : listeners.getOrDefault(channel, List.of())) {
            try {
                l.accept(payload);
            } catch (RuntimeException e) {
                LOG.error("A listener of {} failed on '{}'", channel, payload, e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(2 * WAIT_MS + 1000);
    }
}
