package id.rapor.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class AuditFileTest {

    @Test
    void entriesAreAppendedAsJsonLinesAndReadBackIntact(@TempDir Path dir) throws Exception {
        AuditFile audit = new AuditFile(dir.resolve("audit.jsonl"));
        AuditEntry tricky = new AuditEntry(Instant.parse("2026-11-24T10:00:00Z"), "siti", "127.0.0.1", "r-1", "revision.propose",
                "pekppp-2022", 3, 201, "comment with \"quotes\", a \\ and a\nnew line");
        AuditEntry nulls = new AuditEntry(Instant.parse("2026-11-24T10:00:01Z"), null, "deploy/x.jar", null, "bundle.deploy",
                "pekppp-2022", null, 422, null);
        audit.record(tricky);
        audit.record(nulls);
        assertEquals(2, Files.readAllLines(dir.resolve("audit.jsonl")).size(), "one line per entry");
        assertEquals(List.of(tricky, nulls), audit.last(10));
        assertEquals(List.of(nulls), new AuditFile(dir.resolve("audit.jsonl")).last(1), "read back by a new instance, after a restart");
    }

    @Test
    void theLastEntriesAreReadFromTheEndOfALongTrail(@TempDir Path dir) throws Exception {
        AuditFile audit = new AuditFile(dir.resolve("audit.jsonl"));
        // Far more than one 64 KiB block, with non-ASCII text that a block boundary may cut.
        for (int k = 0; k < 3000; k++) {
            audit.record(new AuditEntry(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(k), "siti", "127.0.0.1", "r-" + k,
                    "auth.refused", "pekppp-2022", null, 401, "Penilaian ulang — percobaan ke-" + k));
        }
        List<AuditEntry> last = new AuditFile(dir.resolve("audit.jsonl")).last(1000);
        assertEquals(1000, last.size());
        assertEquals("r-2000", last.get(0).requestId());
        assertEquals("Penilaian ulang — percobaan ke-2999", last.get(999).detail());
        assertEquals(3000, new AuditFile(dir.resolve("audit.jsonl")).last(5000).size(), "fewer than asked: all of them");
    }

    @Test
    void longStringsAreCappedAndReadBackWithoutFailing(@TempDir Path dir) throws Exception {
        AuditFile audit = new AuditFile(dir.resolve("audit.jsonl"));
        String id = "x".repeat(2_000) + "\"\\"; // a 2,000-character methodology id in an anonymous URL
        audit.record(new AuditEntry(Instant.parse("2026-11-24T10:00:00Z"), null, "127.0.0.1", "r-1", "auth.refused", id, null, 401,
                "\\\"".repeat(5_000)));
        AuditEntry read = audit.last(10).get(0);
        assertEquals("x".repeat(AuditFile.MAX_FIELD) + "… (1502 more characters)", read.methodology());
        assertTrue(Files.size(dir.resolve("audit.jsonl")) < 3_000, "what a request puts in is capped");
    }

    @Test
    void aTornLastLineIsSkippedAndReportedAndTheNextEntryStartsOnItsOwnLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditFile audit = new AuditFile(file);
        AuditEntry first = new AuditEntry(Instant.parse("2026-11-24T10:00:00Z"), "siti", "127.0.0.1", "r-1", "revision.propose", "pekppp-2022", 1, 201, "ok");
        audit.record(first);
        Files.writeString(file, "{\"time\":\"2026-11-24T10:00:01Z\",\"user\":\"si", java.nio.file.StandardOpenOption.APPEND); // power cut

        AuditFile restarted = new AuditFile(file);
        List<AuditEntry> read = restarted.last(10);
        assertEquals(2, read.size(), read.toString());
        assertEquals(first, read.get(0));
        assertEquals("audit.unreadable-line", read.get(1).action());
        AuditEntry next = new AuditEntry(Instant.parse("2026-11-24T10:00:02Z"), "siti", "127.0.0.1", "r-2", "revision.activate", "pekppp-2022", 1, 200, "ok");
        restarted.record(next);
        List<AuditEntry> after = restarted.last(10);
        assertEquals(List.of(first, next), List.of(after.get(0), after.get(2)), after.toString());
    }

    @Test
    void theTrailIsReadableByItsOwnerOnlyEvenIfItWasNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        new AuditFile(file).record(new AuditEntry(Instant.now(), null, "x", null, "a", null, null, 200, null));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Path fresh = dir.resolve("new/audit.jsonl");
        new AuditFile(fresh).record(new AuditEntry(Instant.now(), null, "x", null, "a", null, null, 200, null));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }
}
