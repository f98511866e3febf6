package id.rapor.api.cluster;

import java.util.Locale;

/** Whether a node shares what it knows (revisions, users, the audit trail) with other nodes through its database. */
public final class SharedDatabase {
    /** The framework property the launcher offers the database's address under (etc/rapor.properties, RAPOR_DATABASE_URL). */
    public static final String URL_PROPERTY = "rapor.database.url";

    private SharedDatabase() {}

    /** Nodes share through PostgreSQL; the embedded H2 (no URL, or a jdbc:h2: one) is one node's alone. */
    public static boolean at(String url) {
        return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
