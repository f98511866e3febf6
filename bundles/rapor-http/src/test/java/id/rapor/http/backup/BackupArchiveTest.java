package id.rapor.http.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup of a stopped distribution's files, restored into another: the same files, and only those. */
class BackupArchiveTest {
    @TempDir Path from;
    @TempDir Path to;

    @Test
    void whatIsBackedUpIsRestoredAndNothingElse() throws Exception {
        write(from, "data/rapor.mv.db", "H2 file");
        write(from, "data/revisions/pekppp-2022/1/methodology/bands.csv", "code,label\n");
        write(from, "data/evidence/ab/ab12", "%PDF-1.4");
        write(from, "data/evidence/incoming/upload.part", "%PD");
        write(from, "data/audit.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":");
        write(from, "data/felix-cache/bundle1/x", "cache");
        write(from, "data/backups/old.zip", "an earlier backup");
        write(from, "etc/users.properties", "admin=admin|hash\n");
        write(from, "deploy/README.txt", "jars here\n");

        BackupArchive.Written w = BackupArchive.write(BackupArchive.Home.of(from), BackupArchive.DatabasePart.closedH2(from.resolve("data")),
                Instant.parse("2026-12-02T10:45:00.123Z"));
        assertEquals("rapor-backup-20261202-104500-123.zip", w.file().getFileName().toString());
        assertEquals(64, w.sha256().length());
        try (ZipFile z = new ZipFile(w.file().toFile())) {
            List<String> names = Collections.list(z.entries()).stream().map(e -> e.getName()).toList();
            assertEquals(List.of("rapor-backup.properties", "data/rapor.mv.db", "data/revisions/pekppp-2022/1/methodology/bands.csv",
                    "data/evidence/ab/ab12", "data/audit.jsonl", "deploy/README.txt", "etc/users.properties", "SHA256SUMS"), names);
        }

        RestoreArchive.Restored r = RestoreArchive.restore(w.file(), to, false, Instant.now());
        assertEquals(6, r.files(), "every file but the manifest");
        assertEquals("H2 file", read(to, "data/rapor.mv.db"));
        assertEquals("%PDF-1.4", read(to, "data/evidence/ab/ab12"));
        assertEquals("{\"a\":1}\n{\"a\":2}\n", read(to, "data/audit.jsonl"), "a line being appended is left out");
        assertEquals("admin=admin|hash\n", read(to, "etc/users.properties"));
        assertFalse(Files.exists(to.resolve("data/evidence/incoming")) || Files.exists(to.resolve("data/felix-cache"))
                || Files.exists(to.resolve("data/backups")));
        try (var staging = Files.list(to.resolve("data"))) {
            assertTrue(staging.noneMatch(p -> p.getFileName().toString().startsWith(".restore-")), "the staging folder is gone");
        }

        RestoreArchive.Refused again = assertThrows(RestoreArchive.Refused.class, () -> RestoreArchive.restore(w.file(), to, false, Instant.now()));
        assertTrue(again.getMessage().contains("holds records already"), again.getMessage());
        write(to, "data/rapor.mv.db", "newer H2 file");
        RestoreArchive.Restored forced = RestoreArchive.restore(w.file(), to, true, Instant.now());
        assertEquals("H2 file", read(to, "data/rapor.mv.db"));
        assertEquals("newer H2 file", Files.readString(forced.setAside().get(0).resolve("rapor.mv.db")), "what was replaced is kept");
        assertArrayEquals("admin=admin|hash\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(forced.setAside().get(0).resolve("etc/users.properties")));
    }

    @Test
    void onlyPathsUnderDataEtcAndDeployAreRestored() {
        for (String ok : List.of("data/rapor.mv.db", "etc/users.properties", "deploy/x.jar", "rapor-backup.properties")) {
            assertTrue(RestoreArchive.safe(ok), ok);
        }
        for (String bad : List.of("data/../../evil.sh", "/etc/passwd", "bin/rapor", "etc/./x", "data//x", "data\\..\\x", "data/backups/x.zip",
                "etc/", "lib/rapor-launcher.jar", "../data/x")) {
            assertFalse(RestoreArchive.safe(bad), bad);
        }
    }

    private static void write(Path home, String name, String content) throws Exception {
        Path file = home.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String read(Path home, String name) throws Exception {
        return Files.readString(home.resolve(name));
    }
}
