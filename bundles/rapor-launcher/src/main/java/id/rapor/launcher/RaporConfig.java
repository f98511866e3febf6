package id.rapor.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The process's settings (address, port, deploy/ polling, Jetty's idle timeout, Felix's own keys),
 * from lowest to highest precedence: built-in defaults, {@code etc/rapor.properties}, environment
 * variables ({@code RAPOR_HTTP_PORT}, {@code RAPOR_HTTP_HOST}, {@code RAPOR_DATABASE_URL},
 * {@code RAPOR_DATABASE_USER}, {@code RAPOR_DATABASE_PASSWORD}), then {@code -Drapor.http.port=…}.
 * The components' own settings are typed configurations in {@code etc/*.cfg}.
 */
final class RaporConfig {
    static final String FILE = "etc/rapor.properties";
    static final String HTTP_SETTINGS = "etc/id.rapor.http.cfg";

    final Path home;
    final String host;
    final int port;
    final long deployPollMillis;
    /** Jetty's idle timeout: a connection (or a request body) with no bytes for this long is closed (ended with 408). */
    final long idleTimeoutMillis;
    /** How long requests in flight may take to finish once Rapor is told to stop (SIGTERM), before it stops anyway. */
    final long shutdownGraceMillis;
    /** text, or json: one JSON object a line. */
    final String logFormat;
    /** Every setting, for the framework and Felix's own keys (HTTPS: {@code org.apache.felix.https.*}). */
    final Properties all;

    private RaporConfig(Path home, String host, int port, long deployPollMillis, long idleTimeoutMillis, long shutdownGraceMillis,
                        String logFormat, Properties all) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.deployPollMillis = deployPollMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.shutdownGraceMillis = shutdownGraceMillis;
        this.logFormat = logFormat;
        this.all = all;
    }

    /**
     * Settings that moved to the components' own configurations (etc/*.cfg, applied while Rapor
     * runs): one left here would be ignored, and scoring that was protected would silently be open,
     * so the start stops and says where it goes now.
     */
    static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("http.scoring.protected", "etc/id.rapor.http.cfg: scoring.protected"),
            Map.entry("http.cors.origins", "etc/id.rapor.http.cfg: cors.origins"),
            Map.entry("http.access.log", "etc/id.rapor.http.cfg: access.log"),
            Map.entry("http.batch.max.units", "etc/id.rapor.http.cfg: batch.max.units"),
            Map.entry("http.batch.concurrent", "etc/id.rapor.http.cfg: batch.concurrent"),
            Map.entry("http.audit.refusals.per.minute", "etc/id.rapor.http.cfg: audit.refusals.per.minute"),
            Map.entry("http.min.data.rate", "etc/id.rapor.http.cfg: min.data.rate"),
            Map.entry("http.connections.per.address", "etc/id.rapor.http.cfg: connections.per.address"),
            Map.entry("scoring.budget.ms", "etc/id.rapor.scoring.cfg: budget.ms"),
            Map.entry("edit.poll.ms", "etc/id.rapor.edit.cfg: poll.ms"));

    static RaporConfig load(Path home, Map<String, String> env, Properties system) throws IOException {
        Properties p = new Properties();
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("http.port", "8080");
        p.setProperty("deploy.poll.ms", "100");
        p.setProperty("http.idle.timeout.ms", "30000");
        p.setProperty("shutdown.grace.ms", "20000");
        p.setProperty("log.format", "text");
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        override(p, "http.host", env.get("RAPOR_HTTP_HOST"));
        override(p, "http.port", env.get("RAPOR_HTTP_PORT"));
        override(p, "log.format", env.get("RAPOR_LOG_FORMAT"));
        // The database's address and credentials: environment variables keep a password out of files.
        override(p, "database.url", env.get("RAPOR_DATABASE_URL"));
        override(p, "database.user", env.get("RAPOR_DATABASE_USER"));
        override(p, "database.password", env.get("RAPOR_DATABASE_PASSWORD"));
        if (!Files.isRegularFile(home.resolve(HTTP_SETTINGS))) {
            // The API starts only with its settings (it never serves with defaults that file would override): say so now,
            // rather than waiting for an API that cannot come.
            throw new IllegalArgumentException(HTTP_SETTINGS + " is missing: the HTTP API starts only with its settings; "
                    + "copy it from the distribution (rapor.zip) and adjust it");
        }
        for (String key : MOVED.keySet()) {
            if (p.getProperty(key) != null) {
                throw new IllegalArgumentException(key + " is no longer set in " + FILE + ": it moved to " + MOVED.get(key)
                        + " (applied while Rapor runs)");
            }
        }
        for (String key : new String[] {"http.host", "http.port", "deploy.poll.ms", "http.idle.timeout.ms", "shutdown.grace.ms", "log.format"}) {
            override(p, key, system.getProperty("rapor." + key));
        }
        int port = number(p, "http.port", 0, 65535);
        long poll = number(p, "deploy.poll.ms", 50, 60_000);
        long idleTimeout = number(p, "http.idle.timeout.ms", 500, 3_600_000);
        long grace = number(p, "shutdown.grace.ms", 0, 600_000);
        String logFormat = p.getProperty("log.format").trim();
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("log.format must be text or json, not '" + logFormat
                    + "' (set in " + FILE + ", RAPOR_LOG_FORMAT or -Drapor.log.format)");
        }
        return new RaporConfig(home, p.getProperty("http.host").trim(), port, poll, idleTimeout, grace, logFormat, p);
    }

    private static void override(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) p.setProperty(key, value.trim());
    }

    private static int number(Properties p, String key, int min, int max) {
        String value = p.getProperty(key).trim();
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '" + value
                + "' (set in " + FILE + ", an environment variable or -Drapor." + key + ")");
    }

    String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : h) + ":" + port + "/api/v1";
    }
}
