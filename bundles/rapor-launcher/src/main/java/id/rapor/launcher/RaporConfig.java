package id.rapor.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Rapor's settings, from lowest to highest precedence: built-in defaults, {@code etc/rapor.properties},
 * environment variables ({@code RAPOR_HTTP_PORT}, {@code RAPOR_HTTP_HOST}), then {@code -Drapor.http.port=…}.
 */
final class RaporConfig {
    static final String FILE = "etc/rapor.properties";

    final Path home;
    final String host;
    final int port;
    final long deployPollMillis;
    final long editPollMillis;
    /** Jetty's idle timeout: a connection (or a request body) with no bytes for this long is closed (ended with 408). */
    final long idleTimeoutMillis;
    /** Every setting, for the bundles that read their own ({@code http.cors.origins}, Felix HTTPS keys). */
    final Properties all;

    private RaporConfig(Path home, String host, int port, long deployPollMillis, long editPollMillis, long idleTimeoutMillis,
            Properties all) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.deployPollMillis = deployPollMillis;
        this.editPollMillis = editPollMillis;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.all = all;
    }

    /** Settings the HTTP bundle reads itself, with the range each must be in: checked here so a typo stops the start, loudly. */
    private static final Object[][] HTTP_LIMITS = {
            {"http.min.data.rate", 0, Integer.MAX_VALUE},
            {"http.connections.per.address", 1, 1_000_000},
            {"http.batch.max.units", 1, 1_000_000},
            {"http.batch.concurrent", 1, 1000},
            {"http.audit.refusals.per.minute", 1, 1_000_000},
    };

    static RaporConfig load(Path home, Map<String, String> env, Properties system) throws IOException {
        Properties p = new Properties();
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("http.port", "8080");
        p.setProperty("deploy.poll.ms", "100");
        p.setProperty("edit.poll.ms", "1000");
        p.setProperty("http.idle.timeout.ms", "30000");
        Path file = home.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        override(p, "http.host", env.get("RAPOR_HTTP_HOST"));
        override(p, "http.port", env.get("RAPOR_HTTP_PORT"));
        for (String key : new String[] {"http.host", "http.port", "deploy.poll.ms", "edit.poll.ms", "http.idle.timeout.ms"}) {
            override(p, key, system.getProperty("rapor." + key));
        }
        int port = number(p, "http.port", 0, 65535);
        long poll = number(p, "deploy.poll.ms", 50, 60_000);
        long editPoll = number(p, "edit.poll.ms", 100, 600_000);
        long idleTimeout = number(p, "http.idle.timeout.ms", 500, 3_600_000);
        for (Object[] limit : HTTP_LIMITS) {
            if (p.getProperty((String) limit[0]) != null) number(p, (String) limit[0], (int) limit[1], (int) limit[2]);
        }
        return new RaporConfig(home, p.getProperty("http.host").trim(), port, poll, editPoll, idleTimeout, p);
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
