package id.rapor.records.round;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRecord;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.EntryRound;
import id.rapor.api.records.EntryRoundState;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import id.rapor.records.assessment.JdbcAssessmentRecords;
import id.rapor.records.sql.JdbcRecordChanges;
import id.rapor.records.unit.JdbcUnitRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rounds and their rule on a real (in-memory) H2 with the real migrations, the day moved across a round's period. */
class EntryRoundsTest {
    private static final Actor ADMIN = new Actor("admin", "127.0.0.1");
    private static final Actor OPD = new Actor("opd", "127.0.0.1");
    private static final LocalDate OPENS = LocalDate.of(2024, 3, 1);
    private static final LocalDate CLOSES = LocalDate.of(2024, 3, 31);

    private JdbcDataSource db;
    private JdbcEntryRounds rounds;
    private JdbcUnitRegistry units;

    /** A day the tests set; the records read it through their clock. */
    private LocalDate today = OPENS;
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return today.atTime(12, 0).toInstant(ZoneOffset.UTC); }
    };
    private JdbcAssessmentRecords assessments;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
        units = new JdbcUnitRegistry(db);
        rounds = new JdbcEntryRounds(db);
        assessments = new JdbcAssessmentRecords(db, clock);
        units.create(new Unit("prov", "Provinsi", UnitKind.REGION, null, true), ADMIN);
        units.create(new Unit("kab-contoh", "Kabupaten Contoh", UnitKind.REGION, "prov", true), ADMIN);
        units.create(new Unit("dinas-a", "Dinas A", UnitKind.OFFICE, "kab-contoh", true), ADMIN);
        units.create(new Unit("upp-a1", "UPP A1", UnitKind.SERVICE_UNIT, "dinas-a", true), ADMIN);
        units.create(new Unit("kab-lain", "Kabupaten Lain", UnitKind.REGION, null, true), ADMIN);
        units.create(new Unit("dinas-l", "Dinas L", UnitKind.OFFICE, "kab-lain", true), ADMIN);
    }

    @Test
    void theStateOfARoundOnADayIncludesBothEdgesOfItsPeriod() {
        EntryRound r = new EntryRound(1, "kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, "admin", Instant.EPOCH, "admin", Instant.EPOCH);
        assertEquals(EntryRoundState.NOT_YET_OPEN, r.stateOn(OPENS.minusDays(1)));
        assertEquals(EntryRoundState.OPEN, r.stateOn(OPENS));
        assertEquals(EntryRoundState.OPEN, r.stateOn(CLOSES));
        assertEquals(EntryRoundState.CLOSED, r.stateOn(CLOSES.plusDays(1)));
        EntryRound early = new EntryRound(1, "kab-contoh", "pekppp", 2024, OPENS, CLOSES, true, "admin", Instant.EPOCH, "admin", Instant.EPOCH);
        assertEquals(EntryRoundState.CLOSED, early.stateOn(OPENS));
        assertEquals(EntryRoundState.CLOSED, early.stateOn(OPENS.minusDays(1)), "closed early is closed, even before its period");
        EntryRound oneDay = new EntryRound(1, "kab-contoh", "pekppp", 2024, OPENS, OPENS, false, null, Instant.EPOCH, null, Instant.EPOCH);
        assertTrue(oneDay.takesSelfEntriesOn(OPENS));
    }

    @Test
    void aSelfEntryIsTakenOnTheFirstAndLastDayAndRefusedTheDayBeforeAndAfter() throws Exception {
        rounds.create("kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, ADMIN);
        today = OPENS.minusDays(1);
        RecordConflictException before = assertThrows(RecordConflictException.class, () -> create(AssessmentRole.SELF));
        assertEquals("round-closed", before.reason());
        assertEquals("year", before.field());
        assertEquals("records.round.notYetOpen", before.said().key());
        assertTrue(before.getMessage().contains("2024-03-01") && before.getMessage().contains("2024-03-31"), before.getMessage());
        today = OPENS;
        AssessmentRecord first = create(AssessmentRole.SELF);
        today = CLOSES;
        AssessmentRecord last = create(AssessmentRole.SELF);
        assessments.replaceDraft(last.id(), entry(AssessmentRole.SELF, "3.10"), OPD);
        assessments.submit(last.id(), OPD);
        today = CLOSES.plusDays(1);
        RecordConflictException after = assertThrows(RecordConflictException.class, () -> create(AssessmentRole.SELF));
        assertEquals("records.round.over", after.said().key());
        assertEquals("round-closed", assertThrows(RecordConflictException.class,
                () -> assessments.replaceDraft(first.id(), entry(AssessmentRole.SELF, "3.20"), OPD)).reason());
        assertEquals("round-closed", assertThrows(RecordConflictException.class, () -> assessments.submit(first.id(), OPD)).reason());
        assertEquals("round-closed", assertThrows(RecordConflictException.class,
                () -> assessments.rescore(first.id(), score("2.90"), 10, OPD)).reason());
        assertEquals("round-closed", assertThrows(RecordConflictException.class,
                () -> assessments.importAll(1, k -> entry(AssessmentRole.SELF, "2.50"), 10, OPD)).reason());
        // Evaluators and verifiers are not bound to the period; a verifier still makes the submitted self-assessment final.
        AssessmentRecord evaluated = create(AssessmentRole.EVALUATOR);
        assessments.submit(evaluated.id(), ADMIN);
        assertDoesNotThrow(() -> assessments.makeFinal(last.id(), ADMIN));
        create(AssessmentRole.VERIFIER);
    }

    @Test
    void aRoundClosedEarlyRefusesSelfEntriesAndReopenedTakesThemAgain() throws Exception {
        EntryRound r = rounds.create("kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, ADMIN);
        today = OPENS.plusDays(10);
        create(AssessmentRole.SELF);
        rounds.update(r.id(), OPENS, CLOSES, true, ADMIN);
        assertEquals("records.round.closedEarly",
                assertThrows(RecordConflictException.class, () -> create(AssessmentRole.SELF)).said().key());
        rounds.update(r.id(), OPENS, CLOSES, false, ADMIN);
        create(AssessmentRole.SELF);
        // Another family or year, and a unit under no round, are not restricted.
        rounds.update(r.id(), OPENS, CLOSES, true, ADMIN);
        assessments.create(new AssessmentEntry("upp-a1", "pekppp", 2025, AssessmentRole.SELF, "{\"answers\":{}}", score("2.5"), null, null), 10, OPD);
        assessments.create(new AssessmentEntry("upp-a1", "skm", 2024, AssessmentRole.SELF, "{\"answers\":{}}", score("2.5"), null, null), 10, OPD);
        assessments.create(new AssessmentEntry("dinas-l", "pekppp", 2024, AssessmentRole.SELF, "{\"answers\":{}}", score("2.5"), null, null), 10, OPD);
    }

    @Test
    void theNearestRegionsRoundGovernsAUnit() throws Exception {
        rounds.create("prov", "pekppp", 2024, OPENS, CLOSES, true, ADMIN);
        today = OPENS;
        assertThrows(RecordConflictException.class, () -> create(AssessmentRole.SELF), "the province's closed round holds below it");
        EntryRound own = rounds.create("kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, ADMIN);
        assertEquals(own, rounds.governing("upp-a1", "pekppp", 2024).orElseThrow());
        create(AssessmentRole.SELF);
        assertEquals("prov", rounds.governing("prov", "pekppp", 2024).orElseThrow().region());
        assertTrue(rounds.governing("dinas-l", "pekppp", 2024).isEmpty());
    }

    @Test
    void aRoundIsOfARegionWithAPeriodOncePerFamilyAndYearAndEveryChangeIsAudited() throws Exception {
        assertThrows(RecordNotFoundException.class, () -> rounds.create("nowhere", "pekppp", 2024, OPENS, CLOSES, false, ADMIN));
        RecordConflictException office = assertThrows(RecordConflictException.class,
                () -> rounds.create("dinas-a", "pekppp", 2024, OPENS, CLOSES, false, ADMIN));
        assertEquals("invalid-entry-round", office.reason());
        assertEquals("region", office.field());
        RecordConflictException period = assertThrows(RecordConflictException.class,
                () -> rounds.create("kab-contoh", "pekppp", 2024, CLOSES, OPENS, false, ADMIN));
        assertEquals("closesOn", period.field());
        EntryRound r = rounds.create("kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, ADMIN);
        assertEquals("admin", r.createdBy());
        assertEquals("duplicate-round", assertThrows(RecordConflictException.class,
                () -> rounds.create("kab-contoh", "pekppp", 2024, OPENS, CLOSES, false, ADMIN)).reason());
        rounds.create("kab-contoh", "pekppp", 2023, OPENS.minusYears(1), CLOSES.minusYears(1), true, ADMIN);
        EntryRound changed = rounds.update(r.id(), OPENS, CLOSES.plusDays(7), true, new Actor("kepala", "10.0.0.9"));
        assertEquals("kepala", changed.updatedBy());
        assertEquals(CLOSES.plusDays(7), changed.closesOn());
        assertThrows(RecordNotFoundException.class, () -> rounds.update(999, OPENS, CLOSES, false, ADMIN));
        assertEquals(List.of(2024, 2023), rounds.list("kab-contoh", "pekppp", null).stream().map(EntryRound::year).toList());
        assertEquals(1, rounds.list(null, null, 2023).size());
        assertTrue(rounds.list("kab-lain", null, null).isEmpty());
        var trail = new JdbcRecordChanges(db, true).page("round:" + r.id(), null, 10);
        assertEquals(List.of("round.update", "round.create"), trail.stream().map(c -> c.action()).toList());
        assertEquals("kepala", trail.get(0).user());
        assertEquals("10.0.0.9", trail.get(0).address());
        assertTrue(trail.get(0).detail().contains("2024-03-31 -> self-assessments 2024-03-01 to 2024-04-07, closed"), trail.get(0).detail());
    }

    private AssessmentRecord create(AssessmentRole role) throws Exception {
        return assessments.create(entry(role, "2.97"), 10, role == AssessmentRole.SELF ? OPD : ADMIN);
    }

    private static AssessmentEntry entry(AssessmentRole role, String index) {
        return new AssessmentEntry("upp-a1", "pekppp", 2024, role, "{\"answers\":{}}", score(index), null, null);
    }

    private static ScoreRecord score(String index) {
        return new ScoreRecord("pekppp-2022", "2022.1.0", null, new BigDecimal(index), "C", "Cukup", "{\"index\":" + index + "}");
    }
}
