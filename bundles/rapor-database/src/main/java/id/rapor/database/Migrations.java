package id.rapor.database;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with Flyway: the same versioned scripts on H2 and
 * PostgreSQL ({@code id/rapor/database/migration/V*.sql}), each applied once, in order, and
 * recorded in Flyway's history table. A database newer than this Rapor is refused.
 */
public final class Migrations {
    static final String LOCATION = "classpath:id/rapor/database/migration";

    private Migrations() {}

    /** Public for the records' tests, which run the real migrations on an in-memory H2. */
    public static MigrateResult migrate(DataSource dataSource, DatabaseSettings.Kind kind) {
        return migrate(dataSource, kind, "latest");
    }

    /** Up to a version ({@code "5"}) only: for the tests of an upgrade, which fill a schema as an older Rapor left it. */
    public static MigrateResult migrate(DataSource dataSource, DatabaseSettings.Kind kind, String target) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .loggers("slf4j") // into Rapor's log, not java.util.logging's stderr
                .dataSource(dataSource)
                .locations(LOCATION)
                // text: V1's columns as first created; inlineText: kept in the row (V5), where H2 reads and writes them faster
                .placeholders(Map.of("text", kind == DatabaseSettings.Kind.POSTGRESQL ? "TEXT" : "CHARACTER LARGE OBJECT",
                        "inlineText", kind == DatabaseSettings.Kind.POSTGRESQL ? "TEXT" : "CHARACTER VARYING"))
                .validateMigrationNaming(true)
                .target(target)
                .load();
        return flyway.migrate();
    }
}
