package id.rapor.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the database is, read at start from the process settings ({@code etc/rapor.properties},
 * offered to the bundles as {@code rapor.database.*}; {@code RAPOR_DATABASE_URL},
 * {@code RAPOR_DATABASE_USER} and {@code RAPOR_DATABASE_PASSWORD} override them in the launcher).
 * Without a URL the database is an H2 file under {@code data/}: nothing to install.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Kind kind) {

    public enum Kind { H2, POSTGRESQL }

    static final String URL = "rapor.database.url";
    static final String USER = "rapor.database.user";
    static final String PASSWORD = "rapor.database.password";
    static final String POOL_SIZE = "rapor.database.pool.size";

    /** {@code property} reads a framework property (null when unset). */
    static DatabaseSettings from(UnaryOperator<String> property) {
        String url = property.apply(URL);
        if (url == null || url.isBlank()) {
            String data = property.apply("rapor.data");
            Path file = Path.of(data == null ? "data" : data).resolve("rapor").toAbsolutePath();
            // One process owns the file (no AUTO_SERVER); closing the last connection must not close the database.
            url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
        }
        url = url.trim();
        Kind kind;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) kind = Kind.H2;
        else if (lower.startsWith("jdbc:postgresql:")) kind = Kind.POSTGRESQL;
        else throw new IllegalArgumentException("database.url must be jdbc:h2:… or jdbc:postgresql:…, not '" + url + "'");
        String pool = property.apply(POOL_SIZE);
        int size;
        try {
            size = pool == null || pool.isBlank() ? 10 : Integer.parseInt(pool.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > 200) {
            throw new IllegalArgumentException("database.pool.size must be a whole number from 1 to 200, not '" + pool + "'");
        }
        String u = property.apply(USER);
        String p = property.apply(PASSWORD);
        return new DatabaseSettings(url, u == null || u.isBlank() ? (kind == Kind.H2 ? "rapor" : null) : u.trim(),
                p == null ? (kind == Kind.H2 ? "" : null) : p, size, kind);
    }

    /** The URL without credentials a URL may carry in its query, for the log. */
    String safeUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + safeUrl() + ", user " + user + ", pool " + poolSize + "]"; // never the password
    }
}
