package id.rapor.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.rapor.api.model.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {

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
}
