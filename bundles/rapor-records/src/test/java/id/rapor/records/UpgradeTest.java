package id.rapor.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.rapor.api.records.AssessmentRecord;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import id.rapor.records.assessment.JdbcAssessmentRecords;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** A database an older Rapor left keeps every assessment whole through the migrations that came after it. */
class UpgradeTest {
    @Test
    void assessmentsStoredBeforeTheirDocumentsMovedOutKeepThem() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2, "5"); // as Rapor stored assessments until V6
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO unit (id, name, kind, parent, active, created_at, updated_at) "
                    + "VALUES ('upp-lama', 'UPP Lama', 'service-unit', NULL, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO assessment (id, unit_id, family, round_year, entry_role, state, input, methodology_id, methodology_version, "
                    + "revision, score_index, band_code, band_label, score_document, created_at, updated_at) VALUES (41, 'upp-lama', 'pekppp', "
                    + "2023, 'evaluator', 'final', '{\"answers\":{\"i01\":4}}', 'pekppp-2022', '2022.1', NULL, 3.97, 'B', 'Baik', "
                    + "'{\"index\":3.97}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        Migrations.migrate(db, DatabaseSettings.Kind.H2);

        AssessmentRecord kept = new JdbcAssessmentRecords(db).find(41).orElseThrow();
        assertEquals("{\"answers\":{\"i01\":4}}", kept.input());
        assertEquals("{\"index\":3.97}", kept.score().document());
        assertEquals(new BigDecimal("3.97"), kept.score().index());
        assertEquals("B", kept.score().bandCode());
    }
}
