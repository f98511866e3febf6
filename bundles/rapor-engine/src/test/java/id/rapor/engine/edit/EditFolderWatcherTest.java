package id.rapor.engine.edit;

import id.rapor.engine.compile.CompileQueue;

import id.rapor.engine.audit.AuditFile;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.revision.RevisionManager;
import id.rapor.engine.revision.RevisionStore;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleBundleLayout;
import id.rapor.engine.testing.ToyBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edit folder: an edit becomes a revision once it has settled; a folder nobody touched is never taken for an edit, even after a restart. */
public class EditFolderWatcherTest {
    @TempDir Path data;
    private final OperatorRuleText operatorRuleText = new OperatorRuleText();
    private final CompileQueue queue = new CompileQueue(getClass().getClassLoader());

    @org.junit.jupiter.api.AfterEach
    void stopTheCompileThread() {
        queue.close();
    }
    @TempDir Path edit;

    @Test
    void anEditIsActivatedOnceSettledAndARestartTakesNothingForAnEdit() throws Exception {
        RuleBundleCompiler compiler = new RuleBundleCompiler(getClass().getClassLoader());
        MethodologyRegistry registry = new MethodologyRegistry();
        new ToyBundle().installIn(registry, operatorRuleText, "2024.1.0");
        RevisionManager revisions = new RevisionManager(compiler, registry, new RevisionStore(data), operatorRuleText, queue);
        AuditFile audit = new AuditFile((java.nio.file.Path) null);
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
        assertEquals(2, revisions.revisions("toy").size());
        assertTrue(Files.readString(bands).contains("LO,Rendah,"), "it follows the serving version instead");
        assertEquals(2, audit.last(10).size(), "the edit's propose and activate are audited");
    }

    @Test
    void anEditKeepsWhatTheApiChangedMeanwhileAndAClashIsAConflictNotAnOverwrite() throws Exception {
        RuleBundleCompiler compiler = new RuleBundleCompiler(getClass().getClassLoader());
        MethodologyRegistry registry = new MethodologyRegistry();
        new ToyBundle().installIn(registry, operatorRuleText, "2024.1.0");
        RevisionManager revisions = new RevisionManager(compiler, registry, new RevisionStore(data), operatorRuleText, queue);
        EditFolderWatcher watcher = new EditFolderWatcher(edit, registry, revisions, new AuditFile((java.nio.file.Path) null));
        watcher.poll();
        Path bands = edit.resolve("toy/methodology/bands.csv");
        Path aspects = edit.resolve("toy/methodology/aspects.csv");
        String exportedBands = Files.readString(bands);

        // Officer A edits the aspects in the folder while officer B relabels a band through the API.
        Files.writeString(aspects, Files.readString(aspects) + "# checked by A\n");
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, exportedBands.replace("HI,High,", "HI,Tinggi,")), "siti", "label");
        revisions.activate("toy", 1, "siti");
        watcher.poll();
        watcher.poll();
        assertEquals("2024.1.0+r2", registry.served("toy").methodology().getVersion(), Files.readString(edit.resolve("toy/STATUS.txt")));
        String served = registry.served("toy").files().files().get(RuleBundleLayout.BANDS);
        assertTrue(served.contains("HI,Tinggi,"), "B's change through the API stands: " + served);
        assertTrue(registry.served("toy").files().files().get("methodology/aspects.csv").contains("# checked by A"), "and A's edit is in");
        assertTrue(Files.readString(bands).contains("HI,Tinggi,"), "the folder shows the merged version");

        // Both change the bands: nothing is proposed, and the folder says why.
        Files.writeString(bands, Files.readString(bands).replace("LO,Low,", "LO,Rendah,"));
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, served.replace("LO,Low,", "LO,Lemah,")), "siti", "label");
        revisions.activate("toy", 3, "siti");
        watcher.poll();
        watcher.poll();
        assertTrue(Files.readString(edit.resolve("toy/STATUS.txt")).startsWith("CONFLICT: methodology/bands.csv"),
                Files.readString(edit.resolve("toy/STATUS.txt")));
        assertEquals("2024.1.0+r3", registry.served("toy").methodology().getVersion());
        assertEquals(3, revisions.revisions("toy").size(), "no revision was made from the folder");
    }
}
