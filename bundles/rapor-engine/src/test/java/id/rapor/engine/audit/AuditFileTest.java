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

    /** The last {@code limit} entries, oldest first, as recorded (without the ids reading gives them). */
    private static List<AuditEntry> oldestFirst(AuditFile audit, int limit) {
        List<AuditEntry> page = new java.util.ArrayList<>(audit.page(null, null, limit));
        java.util.Collections.reverse(page);
        return page.stream().map(e -> new AuditEntry(e.time(), e.user(), e.address(), e.requestId(), e.action(), e.methodology(),
                e.revision(), e.status(), e.detail())).toList();
    }

    /** Newest first, a page at a time: each page ends where the next starts (its last entry's id), and one methodology's entries only when asked. */
    @Test
    void pagesGoBackFromTheNewestAndFilterByMethodology(@TempDir Path dir) throws Exception {
        for (AuditFile audit : List.of(new AuditFile(dir.resolve("audit.jsonl")), new AuditFile((Path) null))) {
            for (int k = 0; k < 2500; k++) { // more than a 64 KiB block
                audit.record(new AuditEntry(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(k), "siti", "127.0.0.1", "r-" + k,
                        "revision.propose", k % 3 == 0 ? "skm-2017" : "pekppp-2022", k, 201, "Penilaian — " + k));
            }
            List<AuditEntry> first = audit.page(null, null, 10);
            assertEquals("r-2499", first.get(0).requestId(), "newest first");
            assertEquals("r-2490", first.get(9).requestId());
            List<AuditEntry> second = audit.page(null, first.get(9).id(), 10);
            assertEquals("r-2489", second.get(0).requestId(), "the next page starts right after the last entry of this one");
            List<Integer> skm = new java.util.ArrayList<>();
            Long before = null;
            for (List<AuditEntry> page; !(page = audit.page("skm-2017", before, 300)).isEmpty(); before = page.get(page.size() - 1).id()) {
                page.forEach(e -> skm.add(e.revision()));
                assertTrue(page.stream().allMatch(e -> e.methodology().equals("skm-2017")));
            }
            assertEquals(834, skm.size(), "every entry of the methodology, each once");
            assertEquals(2499, skm.get(0));
            assertEquals(0, skm.get(skm.size() - 1));
            assertEquals(List.of(), audit.page("nothing-like-it", null, 10));
        }
    }

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
        assertEquals(List.of(tricky, nulls), oldestFirst(audit, 10));
        assertEquals(List.of(nulls), oldestFirst(new AuditFile(dir.resolve("audit.jsonl")), 1), "read back by a new instance, after a restart");
    }

    @Test
    void theLastEntriesAreReadFromTheEndOfALongTrail(@TempDir Path dir) throws Exception {
        AuditFile audit = new AuditFile(dir.resolve("audit.jsonl"));
        // Far more than one 64 KiB block, with non-ASCII text that a block boundary may cut.
        for (int k = 0; k < 3000; k++) {
            audit.record(new AuditEntry(Instant.parse("2026-11-24T10:00:00Z").plusSeconds(k), "siti", "127.0.0.1", "r-" + k,
                    "auth.refused", "pekppp-2022", null, 401, "Penilaian ulang — percobaan ke-" + k));
        }
        List<AuditEntry> last = oldestFirst(new AuditFile(dir.resolve("audit.jsonl")), 1000);
        assertEquals(1000, last.size());
        assertEquals("r-2000", last.get(0).requestId());
        assertEquals("Penilaian ulang — percobaan ke-2999", last.get(999).detail());
        assertEquals(3000, oldestFirst(new AuditFile(dir.resolve("audit.jsonl")), 5000).size(), "fewer than asked: all of them");
    }

    @Test
    void longStringsAreCappedAndReadBackWithoutFailing(@TempDir Path dir) throws Exception {
        AuditFile audit = new AuditFile(dir.resolve("audit.jsonl"));
        String id = "x".repeat(2_000) + "\"\\"; // a 2,000-character methodology id in an anonymous URL
        audit.record(new AuditEntry(Instant.parse("2026-11-24T10:00:00Z"), null, "127.0.0.1", "r-1", "auth.refused", id, null, 401,
                "\\\"".repeat(5_000)));
        AuditEntry read = oldestFirst(audit, 10).get(0);
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
        List<AuditEntry> read = oldestFirst(restarted, 10);
        assertEquals(2, read.size(), read.toString());
        assertEquals(first, read.get(0));
        assertEquals("audit.unreadable-line", read.get(1).action());
        AuditEntry next = new AuditEntry(Instant.parse("2026-11-24T10:00:02Z"), "siti", "127.0.0.1", "r-2", "revision.activate", "pekppp-2022", 1, 200, "ok");
        restarted.record(next);
        List<AuditEntry> after = oldestFirst(restarted, 10);
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
