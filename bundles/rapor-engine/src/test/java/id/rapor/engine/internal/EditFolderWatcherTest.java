package id.rapor.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edit folder: an edit becomes a revision once it has settled; a folder nobody touched is never taken for an edit, even after a restart. */
class EditFolderWatcherTest {
    @TempDir Path data;
    @TempDir Path edit;

    @Test
    void anEditIsActivatedOnceSettledAndARestartTakesNothingForAnEdit() throws Exception {
        RuleBundleCompiler compiler = new RuleBundleCompiler(getClass().getClassLoader());
        MethodologyRegistry registry = new MethodologyRegistry();
        registry.record(1, "rules.toy", new ToyBundle().compile("2024.1.0"));
        RevisionManager revisions = new RevisionManager(compiler, registry, new RevisionStore(data));
        AuditFile audit = new AuditFile(null);
        EditFolderWatcher watcher = new EditFolderWatcher(edit, registry, revisions, audit);

        watcher.poll();
        Path bands = edit.resolve("toy/methodology/bands.csv");
        assertTrue(Files.exists(bands), "the serving files are exported");
        Files.writeString(bands, Files.readString(bands).replace("HI,High,", "HI,Tinggi,"));
        watcher.poll(); // seen once: it may still be being written
        assertEquals("2024.1.0", registry.served("toy").methodology().getVersion());
        watcher.poll(); // the same twice: settled
        assertEquals("2024.1.0+r1", registry.served("toy").methodology().getVersion());
        assertTrue(Files.readString(edit.resolve("toy/STATUS.txt")).startsWith("ACTIVE: revision 1"));

        // The API activates another revision; then Rapor restarts with a fresh watcher.
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, Files.readString(bands).replace("LO,Low,", "LO,Rendah,")), "siti", "label");
        revisions.activate("toy", 2, "siti");
        EditFolderWatcher afterRestart = new EditFolderWatcher(edit, registry, revisions, audit);
        for (int k = 0; k < 3; k++) afterRestart.poll();
        assertEquals("2024.1.0+r2", registry.served("toy").methodology().getVersion(), "the stale folder was not taken for an edit");
        assertEquals(2, revisions.list("toy").size());
        assertTrue(Files.readString(bands).contains("LO,Rendah,"), "it follows the serving version instead");
        assertEquals(2, audit.last(10).size(), "the edit's propose and activate are audited");
    }
}
