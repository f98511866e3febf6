package id.rapor.records.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.records.Actor;
import id.rapor.api.records.AssessmentEntry;
import id.rapor.api.records.AssessmentRole;
import id.rapor.api.records.Evidence;
import id.rapor.api.records.EvidenceLimits;
import id.rapor.api.records.EvidenceStore;
import id.rapor.api.records.RecordConflictException;
import id.rapor.api.records.RecordNotFoundException;
import id.rapor.api.records.ScoreRecord;
import id.rapor.api.records.Unit;
import id.rapor.api.records.UnitKind;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import id.rapor.records.assessment.JdbcAssessmentRecords;
import id.rapor.records.unit.JdbcUnitRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence on a real (in-memory) H2 with the real migrations, and a real folder: nothing half-stored, nothing orphaned. */
class EvidenceStoreTest {
    private static final Actor OPD = new Actor("opd", "127.0.0.1");
    private static final EvidenceLimits LIMITS = new EvidenceLimits(64 * 1024, 3, 1L << 30, 0);
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_PDF = "%PDF-1.7\nanother document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir Path folder;
    private JdbcDataSource db;
    private JdbcEvidenceStore evidence;
    private JdbcAssessmentRecords assessments;
    private long draft;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
        JdbcUnitRegistry units = new JdbcUnitRegistry(db);
        units.create(new Unit("kab", "Kabupaten", UnitKind.REGION, null, true), OPD);
        assessments = new JdbcAssessmentRecords(db);
        draft = assessments.create(new AssessmentEntry("kab", "pekppp", 2024, AssessmentRole.SELF, "{}",
                new ScoreRecord("pekppp-2022", "2022.1.0", null, new BigDecimal("3"), "C", "Cukup", "{}"), null, null), 10, OPD).id();
        evidence = new JdbcEvidenceStore(db, folder);
    }

    @Test
    void aFileIsStoredOnceByItsContentWithItsHashAndReadBackWhole() throws Exception {
        Evidence e = evidence.attach(draft, "i01", "../SK Bupati.pdf", in(PDF), LIMITS, OPD);
        assertEquals("SK Bupati.pdf", e.name());
        assertEquals("application/pdf", e.mediaType());
        assertEquals(PDF.length, e.size());
        assertEquals(sha256(PDF), e.sha256());
        assertEquals("opd", e.storedBy());
        try (InputStream back = evidence.open(e)) {
            assertArrayEquals(PDF, back.readAllBytes());
        }
        Path stored = folder.resolve(e.sha256().substring(0, 2)).resolve(e.sha256());
        assertTrue(Files.isRegularFile(stored), "named by its SHA-256");
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)), "never executable, the process's alone");
        }
        // The same content on another indicator: one file; it goes only when no row names it any more.
        evidence.attach(draft, "i02", "salinan.pdf", in(PDF), LIMITS, OPD);
        assertEquals(1, contentFiles());
        assertEquals(List.of("i01", "i02"), evidence.list(draft).stream().map(Evidence::indicator).toList());
        evidence.remove(draft, "i01", "SK Bupati.pdf", OPD);
        assertTrue(Files.exists(stored), "still named by i02");
        evidence.remove(draft, "i02", "salinan.pdf", OPD);
        assertFalse(Files.exists(stored));
        assertEquals(4, count("SELECT COUNT(*) FROM record_audit WHERE action LIKE 'evidence.%' AND subject = 'assessment:" + draft + "'"), "two attached, two removed");
    }

    @Test
    void theSameNameReplacesAndTheOldContentGoes() throws Exception {
        Evidence first = evidence.attach(draft, "i01", "bukti.pdf", in(PDF), LIMITS, OPD);
        Evidence second = evidence.attach(draft, "i01", "bukti.pdf", in(OTHER_PDF), LIMITS, OPD);
        assertEquals(sha256(OTHER_PDF), second.sha256());
        assertEquals(1, evidence.list(draft).size());
        assertEquals(1, contentFiles(), "the replaced content is removed");
        assertFalse(Files.exists(folder.resolve(first.sha256().substring(0, 2)).resolve(first.sha256())));
    }

    @Test
    void duringABackupsHoldRemovedContentStaysUntilTheHoldEnds() throws Exception {
        Evidence e = evidence.attach(draft, "i01", "bukti.pdf", in(PDF), LIMITS, OPD);
        Path stored = folder.resolve(e.sha256().substring(0, 2)).resolve(e.sha256());
        EvidenceStore.Hold hold = evidence.holdRemovals();
        EvidenceStore.Hold second = evidence.holdRemovals();
        evidence.remove(draft, "i01", "bukti.pdf", OPD);
        evidence.attach(draft, "i02", "lain.pdf", in(OTHER_PDF), LIMITS, OPD);
        evidence.attach(draft, "i02", "lain.pdf", in(PDF), LIMITS, OPD); // replaces OTHER_PDF, names PDF again
        Path other = folder.resolve(sha256(OTHER_PDF).substring(0, 2)).resolve(sha256(OTHER_PDF));
        assertTrue(Files.exists(stored) && Files.exists(other), "nothing is deleted while held");
        hold.close();
        hold.close(); // twice: counted once
        assertTrue(Files.exists(other), "another hold is still open");
        second.close();
        assertFalse(Files.exists(other), "unnamed content goes when the last hold ends");
        assertTrue(Files.exists(stored), "content named again stays");
    }

    @Test
    void aRefusedFileLeavesNothingBehind() throws Exception {
        RecordConflictException type = assertThrows(RecordConflictException.class, () -> evidence.attach(draft, "i01", "laporan.pdf",
                in("#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.US_ASCII)), LIMITS, OPD));
        assertEquals("evidence-type-refused", type.reason());
        assertEquals("file", type.field());
        RecordConflictException large = assertThrows(RecordConflictException.class,
                () -> evidence.attach(draft, "i01", "besar.pdf", in(new byte[64 * 1024 + 1]), LIMITS, OPD));
        assertEquals("evidence-too-large", large.reason());
        assertEquals("invalid-evidence", assertThrows(RecordConflictException.class,
                () -> evidence.attach(draft, "i01", "..", in(PDF), LIMITS, OPD)).reason());
        assertThrows(RecordNotFoundException.class, () -> evidence.attach(draft + 99, "i01", "a.pdf", in(PDF), LIMITS, OPD));
        assertEquals(0, files(), "nothing on disk, not even in incoming/");
        assertEquals(0, count("SELECT COUNT(*) FROM evidence"));
    }

    @Test
    void onlyADraftCarriesNewEvidenceAndOnlySoMany() throws Exception {
        evidence.attach(draft, "i01", "a.pdf", in(PDF), LIMITS, OPD);
        evidence.attach(draft, "i01", "b.pdf", in(OTHER_PDF), LIMITS, OPD);
        evidence.attach(draft, "i02", "c.pdf", in(PDF), LIMITS, OPD);
        assertEquals("evidence-full", assertThrows(RecordConflictException.class,
                () -> evidence.attach(draft, "i03", "d.pdf", in("%PDF-1.1 d".getBytes(StandardCharsets.US_ASCII)), LIMITS, OPD)).reason());
        evidence.attach(draft, "i01", "a.pdf", in(OTHER_PDF), LIMITS, OPD); // a replacement is no extra file
        assessments.submit(draft, OPD);
        assertEquals("not-a-draft", assertThrows(RecordConflictException.class,
                () -> evidence.attach(draft, "i03", "e.pdf", in("%PDF-1.1 e".getBytes(StandardCharsets.US_ASCII)), LIMITS, OPD)).reason());
        assertEquals("not-a-draft", assertThrows(RecordConflictException.class, () -> evidence.remove(draft, "i01", "a.pdf", OPD)).reason());
        assertEquals(2, contentFiles(), "the refused ones left no file");
        assertEquals(3, evidence.list(draft).size());
    }

    @Test
    void aDatabaseWriteThatFailsAfterTheFileIsWrittenLeavesNoOrphan() throws Exception {
        evidence.attach(draft, "i01", "ada.pdf", in(PDF), LIMITS, OPD);
        // The database refuses the row for i09 (as a full disk or a lost connection would, after the file is in place).
        execute("ALTER TABLE evidence ADD CONSTRAINT refuse_i09 CHECK (indicator <> 'i09')");
        assertThrows(IllegalStateException.class, () -> evidence.attach(draft, "i09", "baru.pdf", in(OTHER_PDF), LIMITS, OPD));
        assertEquals(1, contentFiles(), "the new file is gone again");
        assertFalse(Files.exists(folder.resolve(sha256(OTHER_PDF).substring(0, 2)).resolve(sha256(OTHER_PDF))));
        // The same content as a stored file: the stored file stays, still whole.
        assertThrows(IllegalStateException.class, () -> evidence.attach(draft, "i09", "salinan.pdf", in(PDF), LIMITS, OPD));
        Evidence kept = evidence.find(draft, "i01", "ada.pdf").orElseThrow();
        try (InputStream back = evidence.open(kept)) {
            assertArrayEquals(PDF, back.readAllBytes());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM record_audit WHERE detail LIKE 'i09%'"), "no audit of what was not stored");
        assertEquals(1, files());
    }

    @Test
    void theSweepRemovesWhatACrashLeftAndKeepsWhatIsNamed() throws Exception {
        Evidence kept = evidence.attach(draft, "i01", "ada.pdf", in(PDF), LIMITS, OPD);
        // A crash after the move, before the commit: a whole file no row names; and one cut off while it was received.
        String orphan = sha256(OTHER_PDF);
        Files.createDirectories(folder.resolve(orphan.substring(0, 2)));
        Files.write(folder.resolve(orphan.substring(0, 2)).resolve(orphan), OTHER_PDF);
        Files.write(folder.resolve("incoming").resolve(UUID.randomUUID() + ".part"), new byte[] {'%', 'P'});
        assertEquals(2, evidence.sweep());
        assertEquals(1, files());
        try (InputStream back = evidence.open(kept)) {
            assertArrayEquals(PDF, back.readAllBytes());
        }
    }

    @Test
    void aUnitsEvidenceStaysWithinItsQuotaEveryAttachmentCounted() throws Exception {
        EvidenceLimits limits = new EvidenceLimits(64 * 1024, 10, PDF.length + OTHER_PDF.length, 0);
        evidence.attach(draft, "i01", "sk.pdf", in(PDF), limits, OPD);
        evidence.attach(draft, "i02", "lain.pdf", in(OTHER_PDF), limits, OPD); // exactly the quota
        // One byte more, even of a content stored already, and even on another draft of the unit: refused.
        RecordConflictException over = assertThrows(RecordConflictException.class,
                () -> evidence.attach(draft, "i03", "sk lagi.pdf", in(PDF), limits, OPD));
        assertEquals("evidence-quota", over.reason());
        assertEquals("file", over.field());
        assertTrue(over.said().toString().contains("evidence.unit.max.bytes"), over.said().toString());
        long other = assessments.create(new AssessmentEntry("kab", "pekppp", 2024, AssessmentRole.EVALUATOR, "{}",
                new ScoreRecord("pekppp-2022", "2022.1.0", null, new BigDecimal("3"), "C", "Cukup", "{}"), null, null), 10, OPD).id();
        byte[] third = "%PDF-1.4\nx\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("evidence-quota", assertThrows(RecordConflictException.class,
                () -> evidence.attach(other, "i01", "x.pdf", in(third), limits, OPD)).reason());
        assertFalse(Files.exists(folder.resolve(sha256(third).substring(0, 2)).resolve(sha256(third))), "the refused file is not kept");
        assertEquals(0, Files.list(folder.resolve("incoming")).count());
        // Replacing a file counts the new one instead of the old: within the quota.
        evidence.attach(draft, "i02", "lain.pdf", in(OTHER_PDF), limits, OPD);
        // Removing one makes room.
        evidence.remove(draft, "i01", "sk.pdf", OPD);
        evidence.attach(other, "i01", "x.pdf", in(third), limits, OPD);
    }

    @Test
    void anUploadThatWouldLeaveLessThanTheFloorFreeIsRefusedAndLeavesNothing() throws Exception {
        long floor = 1_000_000;
        long max = 64 * 1024;
        EvidenceLimits limits = new EvidenceLimits(max, 10, 1L << 30, floor);
        // Free space less the largest file allowed exactly at the floor: accepted.
        JdbcEvidenceStore atFloor = new JdbcEvidenceStore(db, new EvidenceFolder(folder), () -> floor + max);
        atFloor.attach(draft, "i01", "sk.pdf", in(PDF), limits, OPD);
        // One byte less: refused before a byte is written.
        JdbcEvidenceStore below = new JdbcEvidenceStore(db, new EvidenceFolder(folder), () -> floor + max - 1);
        RecordConflictException refused = assertThrows(RecordConflictException.class,
                () -> below.attach(draft, "i02", "lain.pdf", in(OTHER_PDF), limits, OPD));
        assertEquals("insufficient-storage", refused.reason());
        assertTrue(refused.said().toString().contains("evidence.disk.min.free.bytes"), refused.said().toString());
        // Enough before, but below the floor once written (uploads at once): refused, the written file removed.
        long[] calls = {0};
        JdbcEvidenceStore filling = new JdbcEvidenceStore(db, new EvidenceFolder(folder), () -> calls[0]++ == 0 ? floor + max : floor - 1);
        assertEquals("insufficient-storage", assertThrows(RecordConflictException.class,
                () -> filling.attach(draft, "i02", "lain.pdf", in(OTHER_PDF), limits, OPD)).reason());
        assertEquals(1, evidence.list(draft).size());
        assertEquals(0, Files.list(folder.resolve("incoming")).count(), "nothing half-written remains");
        assertFalse(Files.exists(folder.resolve(sha256(OTHER_PDF).substring(0, 2)).resolve(sha256(OTHER_PDF))));
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Stored files, under their names. */
    private long contentFiles() throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("incoming")).count();
        }
    }

    /** Every file in the folder, incoming/ included. */
    private long files() throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.createStatement().execute(sql);
        }
    }
}
