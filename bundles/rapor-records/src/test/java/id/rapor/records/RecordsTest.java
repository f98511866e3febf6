package id.rapor.records;

import java.util.stream.Collectors;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.AssessmentState;
import id.rapor.api.records.ImportRefusedException;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import id.rapor.records.assessment.JdbcAssessmentRecords;
import id.rapor.records.unit.JdbcUnitRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The records on a real (in-memory) H2 with the real migrations: the same SQL the distribution runs. */
class RecordsTest {
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");
    private JdbcDataSource db;
    private JdbcUnitRegistry units;
    private JdbcAssessmentRecords assessments;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
        units = new JdbcUnitRegistry(db);
        assessments = new JdbcAssessmentRecords(db);
        units.create(new Unit("kab-contoh", "Kabupaten Contoh", UnitKind.REGION, null, true), ADMIN);
        units.create(new Unit("dinas-a", "Dinas A", UnitKind.OFFICE, "kab-contoh", true), ADMIN);
        units.create(new Unit("upp-a1", "UPP A1", UnitKind.SERVICE_UNIT, "dinas-a", true), ADMIN);
    }

    @Test
    void unitsFormATreeThatRefusesWhatDoesNotFit() throws Exception {
        assertEquals(List.of("kab-contoh", "dinas-a", "upp-a1"), units.subtree("kab-contoh").stream().map(Unit::id).toList());
        RecordConflictException duplicate = assertThrows(RecordConflictException.class,
                () -> units.create(new Unit("dinas-a", "Lain", UnitKind.OFFICE, "kab-contoh", true), ADMIN));
        assertEquals("duplicate-unit", duplicate.reason());
        assertEquals("parent", assertThrows(RecordConflictException.class,
                () -> units.create(new Unit("x", "X", UnitKind.OFFICE, "upp-a1", true), ADMIN)).field());
        assertThrows(RecordNotFoundException.class, () -> units.create(new Unit("y", "Y", UnitKind.OFFICE, "nowhere", true), ADMIN));
        assertEquals("id", assertThrows(RecordConflictException.class,
                () -> units.create(new Unit("Bad Id", "Y", UnitKind.REGION, null, true), ADMIN)).field());
        // A region moved under its own descendant would be a cycle.
        units.create(new Unit("kec-1", "Kecamatan 1", UnitKind.REGION, "kab-contoh", true), ADMIN);
        assertThrows(RecordConflictException.class,
                () -> units.update(new Unit("kab-contoh", "Kabupaten Contoh", UnitKind.REGION, "kec-1", true), ADMIN));
        // Deactivating keeps the unit (and its history); not while active units are below it.
        assertEquals("active-children", assertThrows(RecordConflictException.class,
                () -> units.update(new Unit("dinas-a", "Dinas A", UnitKind.OFFICE, "kab-contoh", false), ADMIN)).reason());
        units.update(new Unit("upp-a1", "UPP A1", UnitKind.SERVICE_UNIT, "dinas-a", false), ADMIN);
        assertFalse(units.find("upp-a1").orElseThrow().active());
    }

    @Test
    void anImportIsAllOrNothingAndNamesTheRow() throws Exception {
        ImportRefusedException e = assertThrows(ImportRefusedException.class, () -> units.importUnits(List.of(
                new Unit("dinas-b", "Dinas B", UnitKind.OFFICE, "kab-contoh", true),
                new Unit("upp-b1", "UPP B1", UnitKind.SERVICE_UNIT, "dinas-b", true),
                new Unit("upp-b2", "UPP B2", UnitKind.SERVICE_UNIT, "dinas-z", true)), ADMIN));
        assertEquals(3, e.row());
        assertEquals("parent", e.field());
        assertTrue(units.find("dinas-b").isEmpty(), "nothing of a refused import is kept");
        units.importUnits(List.of(new Unit("dinas-b", "Dinas B", UnitKind.OFFICE, "kab-contoh", true),
                new Unit("dinas-a", "Dinas A (baru)", UnitKind.OFFICE, "kab-contoh", true)), ADMIN);
        assertEquals("Dinas A (baru)", units.find("dinas-a").orElseThrow().name());
    }

    @Test
    void aFinalAssessmentNeverChangesAndTheHighestRoleIsOfficial() throws Exception {
        AssessmentRecord self = assessments.create(entry(AssessmentRole.SELF, "3.10", "C", null), 10, ADMIN);
        assertEquals(AssessmentState.DRAFT, self.state());
        self = assessments.replaceDraft(self.id(), entry(AssessmentRole.SELF, "3.20", "C", null), ADMIN);
        assertEquals(new BigDecimal("3.2"), self.score().index());
        assessments.submit(self.id(), ADMIN);
        assessments.makeFinal(self.id(), ADMIN);
        long selfId = self.id();
        assertEquals("not-a-draft", assertThrows(RecordConflictException.class,
                () -> assessments.replaceDraft(selfId, entry(AssessmentRole.SELF, "4.00", "B", null), ADMIN)).reason());
        assertEquals("wrong-state", assertThrows(RecordConflictException.class, () -> assessments.makeFinal(selfId, ADMIN)).reason());
        assertEquals(selfId, assessments.official("upp-a1", 2024, "pekppp").orElseThrow().id());

        AssessmentRecord evaluator = assessments.create(entry(AssessmentRole.EVALUATOR, "2.97", "C", null), 10, ADMIN);
        assertEquals(selfId, assessments.official("upp-a1", 2024, "pekppp").orElseThrow().id(), "a draft is never official");
        assessments.submit(evaluator.id(), ADMIN);
        assessments.makeFinal(evaluator.id(), ADMIN);
        assertEquals(evaluator.id(), assessments.official("upp-a1", 2024, "pekppp").orElseThrow().id(), "evaluator over self");

        // A correction is a new assessment that names the one it replaces; the old one stays as it was.
        AssessmentRecord correction = assessments.create(entry(AssessmentRole.EVALUATOR, "3.05", "B-", evaluator.id()), 10, ADMIN);
        assessments.submit(correction.id(), ADMIN);
        assessments.makeFinal(correction.id(), ADMIN);
        assertEquals(correction.id(), assessments.official("upp-a1", 2024, "pekppp").orElseThrow().id());
        assertEquals(new BigDecimal("2.97"), assessments.find(evaluator.id()).orElseThrow().score().index());
        assertEquals(3, assessments.forUnit("upp-a1", 2024, "pekppp").size());
        assertTrue(assessments.official("upp-a1", 2023, "pekppp").isEmpty());
    }

    @Test
    void aRescoreIsANewDraftAndTheOldScoreStays() throws Exception {
        AssessmentRecord first = assessments.create(entry(AssessmentRole.EVALUATOR, "2.97", "C", null), 10, ADMIN);
        assessments.submit(first.id(), ADMIN);
        assessments.makeFinal(first.id(), ADMIN);
        ScoreRecord newer = new ScoreRecord("pekppp-2022", "2022.1.0+r1", 1, new BigDecimal("2.97"), "C-", "Cukup (dengan catatan)", "{}");
        AssessmentRecord again = assessments.rescore(first.id(), newer, 10, ADMIN);
        assertEquals(AssessmentState.DRAFT, again.state());
        assertEquals(first.id(), again.rescoredFrom());
        assertEquals(first.input(), again.input());
        assertEquals(AssessmentRole.EVALUATOR, again.role());
        assertEquals(Integer.valueOf(1), again.score().revision());
        AssessmentRecord old = assessments.find(first.id()).orElseThrow();
        assertEquals("C", old.score().bandCode());
        assertEquals(AssessmentState.FINAL, old.state());
        assertEquals(first.id(), assessments.official("upp-a1", 2024, "pekppp").orElseThrow().id(), "a re-scored draft is not official");
        assertEquals(1, count("SELECT COUNT(*) FROM record_audit WHERE action = 'assessment.rescore'"));
    }

    @Test
    void everyChangeIsAuditedInItsTransaction() throws Exception {
        AssessmentRecord a = assessments.create(entry(AssessmentRole.SELF, "3.10", "C", null), 10, ADMIN);
        assessments.submit(a.id(), new Actor("verifikator", "10.0.0.9"));
        assertEquals(5, count("SELECT COUNT(*) FROM record_audit"), "three units and one assessment created, one submitted");
        assertEquals(1, count("SELECT COUNT(*) FROM record_audit WHERE action = 'assessment.submit' AND user_name = 'verifikator' "
                + "AND address = '10.0.0.9'"));
        // A refused change leaves no entry.
        assertThrows(RecordConflictException.class, () -> assessments.submit(a.id(), ADMIN));
        assertEquals(5, count("SELECT COUNT(*) FROM record_audit"));
    }

    @Test
    void anAssessmentOfAnUnknownOrInactiveUnitIsRefused() throws Exception {
        assertThrows(RecordNotFoundException.class, () -> assessments.create(new AssessmentEntry("nowhere", "pekppp", 2024,
                AssessmentRole.SELF, "{}", score("3.00", "C"), null, null), 10, ADMIN));
        units.update(new Unit("upp-a1", "UPP A1", UnitKind.SERVICE_UNIT, "dinas-a", false), ADMIN);
        assertEquals("inactive-unit", assertThrows(RecordConflictException.class,
                () -> assessments.create(entry(AssessmentRole.SELF, "3.00", "C", null), 10, ADMIN)).reason());
    }

    @Test
    void aUnitHoldsAtMostSoManyDraftsOfARoundAndRole() throws Exception {
        AssessmentRecord first = assessments.create(entry(AssessmentRole.SELF, "3.10", "C", null), 2, ADMIN);
        assessments.create(entry(AssessmentRole.SELF, "3.20", "C", null), 2, ADMIN);
        RecordConflictException third = assertThrows(RecordConflictException.class,
                () -> assessments.create(entry(AssessmentRole.SELF, "3.30", "C", null), 2, ADMIN));
        assertEquals("too-many-drafts", third.reason());
        assertEquals("role", third.field());
        assertTrue(third.said().toString().contains("assessment.drafts.max"), third.said().toString());
        assertEquals(2, assessments.forUnit("upp-a1", 2024, "pekppp").size(), "nothing of the refused one is stored");
        // Another role, or another round, has drafts of its own.
        assessments.create(entry(AssessmentRole.EVALUATOR, "3.30", "C", null), 2, ADMIN);
        assessments.create(new AssessmentEntry("upp-a1", "pekppp", 2023, AssessmentRole.SELF, "{}", score("3.00", "C"), null, null), 2, ADMIN);
        // A re-score is a draft too.
        assertEquals("too-many-drafts", assertThrows(RecordConflictException.class,
                () -> assessments.rescore(first.id(), score("3.10", "C"), 2, ADMIN)).reason());
        // A submitted one is no longer a draft: room for one more.
        assessments.submit(first.id(), ADMIN);
        assessments.create(entry(AssessmentRole.SELF, "3.30", "C", null), 2, ADMIN);
    }

    @Test
    void aRegionsScoresAreReadInOneQueryWithoutAnswersAndThePreviousRoundIsTheLatestEarlierFinalOne() throws Exception {
        units.create(new Unit("kab-lain", "Kabupaten Lain", UnitKind.REGION, null, true), ADMIN);
        units.create(new Unit("dinas-lain", "Dinas Lain", UnitKind.OFFICE, "kab-lain", true), ADMIN);
        for (int year : new int[] {2021, 2023, 2024}) {
            AssessmentRecord a = assessments.create(new AssessmentEntry("upp-a1", "pekppp", year, AssessmentRole.SELF, "{}",
                    score("3.00", "C"), null, null), 10, ADMIN);
            assessments.submit(a.id(), ADMIN);
            assessments.makeFinal(a.id(), ADMIN);
        }
        assessments.create(new AssessmentEntry("upp-a1", "pekppp", 2022, AssessmentRole.SELF, "{}", score("2.00", "D"), null, null), 10, ADMIN);
        assessments.create(new AssessmentEntry("dinas-lain", "pekppp", 2024, AssessmentRole.SELF, "{}", score("4.00", "B"), null, null), 10, ADMIN);

        var both = assessments.scoresBelow("kab-contoh", "pekppp", List.of(2024, 2022), false);
        assertEquals(List.of(2022, 2024), both.stream().map(s -> s.year()).sorted().toList(), "only the region's, only the years asked");
        assertEquals(new BigDecimal("3"), both.stream().filter(s -> s.year() == 2024).findFirst().orElseThrow().index());
        assertEquals(3, assessments.scoresBelow("kab-contoh", "pekppp", List.of(), true).size(), "every year, finals only");
        assertEquals(0, assessments.scoresBelow("kab-contoh", "skm", List.of(), false).size());
        assertEquals(2023, assessments.previousRound("kab-contoh", "pekppp", 2024).getAsInt(), "2022 has no final assessment");
        assertEquals(2021, assessments.previousRound("dinas-a", "pekppp", 2022).getAsInt());
        assertTrue(assessments.previousRound("kab-contoh", "pekppp", 2021).isEmpty());
        assertThrows(RecordNotFoundException.class, () -> assessments.scoresBelow("nowhere", "pekppp", List.of(), false));
        assertThrows(RecordNotFoundException.class, () -> assessments.previousRound("nowhere", "pekppp", 2024));
    }

    @Test
    void aRoundImportIsOneTransactionInBatchesAndNothingOfARefusedOneIsKept() throws Exception {
        // More rows than one JDBC batch: ids in order, every one audited, the latest of each unit and role listed.
        int many = 1203;
        List<Long> ids = assessments.importAll(many, k -> entry(k % 2 == 0 ? AssessmentRole.SELF : AssessmentRole.EVALUATOR,
                "2." + (10 + k % 90), "C", null), many, ADMIN);
        assertEquals(many, ids.size());
        for (int k = 1; k < many; k++) assertTrue(ids.get(k) > ids.get(k - 1));
        assertEquals(many, count("SELECT COUNT(*) FROM record_audit WHERE action = 'assessment.import'"));
        assertEquals("assessment:" + ids.get(many - 1), string("SELECT subject FROM record_audit WHERE action = 'assessment.import' ORDER BY id DESC"));
        List<AssessmentRecord> latest = assessments.latestOfRound("pekppp", 2024, List.of("upp-a1"));
        assertEquals(Set.of(ids.get(many - 1), ids.get(many - 2)), latest.stream().map(AssessmentRecord::id).collect(Collectors.toSet()));
        assertEquals("", latest.get(0).score().document(), "a round's list leaves the score documents out");
        assertEquals(List.of(), assessments.latestOfRound("pekppp", 2024, List.of("dinas-a")));

        // A refusal in the third batch (an inactive unit) and nothing of the import is kept, not even its first batches.
        units.create(new Unit("upp-old", "UPP lama", UnitKind.SERVICE_UNIT, "dinas-a", false), ADMIN);
        long before = count("SELECT COUNT(*) FROM assessment");
        ImportRefusedException refused = assertThrows(ImportRefusedException.class, () -> assessments.importAll(1100, k -> k == 1050
                ? new AssessmentEntry("upp-old", "pekppp", 2024, AssessmentRole.SELF, "{\"answers\":{}}", score("2.5", "C"), null, null)
                : entry(AssessmentRole.SELF, "2.50", "C", null), 10_000, ADMIN));
        assertEquals(1051, refused.row());
        assertEquals("unit", refused.field());
        assertEquals(before, count("SELECT COUNT(*) FROM assessment"));
        assertEquals(many, count("SELECT COUNT(*) FROM record_audit WHERE action = 'assessment.import'"));

        // Imports pile up no more drafts than entries do: upp-a1 holds 602 self drafts, so a cap of 602 refuses the next one.
        ImportRefusedException tooMany = assertThrows(ImportRefusedException.class,
                () -> assessments.importAll(1, k -> entry(AssessmentRole.SELF, "2.50", "C", null), 602, ADMIN));
        assertEquals(1, tooMany.row());
        assertEquals("role", tooMany.field());
        assertEquals(before, count("SELECT COUNT(*) FROM assessment"));
    }

    private static AssessmentEntry entry(AssessmentRole role, String index, String band, Long replaces) {
        return new AssessmentEntry("upp-a1", "pekppp", 2024, role, "{\"answers\":{}}", score(index, band), "catatan", replaces);
    }

    private static ScoreRecord score(String index, String band) {
        return new ScoreRecord("pekppp-2022", "2022.1.0", null, new BigDecimal(index), band, "Cukup", "{\"index\":" + index + "}");
    }

    private String string(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
