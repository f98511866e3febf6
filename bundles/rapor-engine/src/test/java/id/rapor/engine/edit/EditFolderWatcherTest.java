package id.rapor.engine.edit;

import id.rapor.engine.compile.CompileQueue;

import id.rapor.engine.audit.AuditFile;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.revision.RevisionManager;
import id.rapor.engine.revision.RevisionFolder;
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

    private final MethodologyRegistry registry = new MethodologyRegistry();
    private RevisionManager revisions;

    /** The toy methodology served by its bundle, with revisions stored in the test's data folder. */
    @org.junit.jupiter.api.BeforeEach
    void serveTheToyBundle() throws Exception {
        new ToyBundle().installIn(registry, operatorRuleText, "2024.1.0");
        revisions = new RevisionManager(RuleBundleCompiler.of(getClass().getClassLoader()), registry, new RevisionFolder(data),
                operatorRuleText, queue);
    }

    @org.junit.jupiter.api.AfterEach
    void stopTheCompileThread() {
        queue.close();
    }
    @TempDir Path edit;

    @Test
    void anEditIsActivatedOnceSettledAndARestartTakesNothingForAnEdit() throws Exception {
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
        assertTrue(Files.readString(edit.resolve("toy/STATUS.txt")).startsWith("SERVING: toy 2024.1.0+r1 (revision 1), since "),
                Files.readString(edit.resolve("toy/STATUS.txt")));

        // The API activates another revision; then Rapor restarts with a fresh watcher.
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, Files.readString(bands).replace("LO,Low,", "LO,Rendah,")), "siti", "label");
        revisions.activate("toy", 2, "siti");
        EditFolderWatcher afterRestart = new EditFolderWatcher(edit, registry, revisions, audit);
        for (int k = 0; k < 3; k++) afterRestart.poll();
        assertEquals("2024.1.0+r2", registry.served("toy").methodology().getVersion(), "the stale folder was not taken for an edit");
        assertEquals(2, revisions.revisions("toy").size());
        assertTrue(Files.readString(bands).contains("LO,Rendah,"), "it follows the serving version instead");
        assertEquals(2, audit.page(null, null, 10).size(), "the edit's propose and activate are audited");
    }

    @Test
    void anEditKeepsWhatTheApiChangedMeanwhileAndAClashIsAConflictNotAnOverwrite() throws Exception {
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
        assertTrue(Files.readString(edit.resolve("toy/STATUS.txt")).contains("\nCONFLICT: methodology/bands.csv"),
                Files.readString(edit.resolve("toy/STATUS.txt")));
        assertEquals("2024.1.0+r3", registry.served("toy").methodology().getVersion());
        assertEquals(3, revisions.revisions("toy").size(), "no revision was made from the folder");
    }

    /** Policy staff may write in edit/, but never reach a file outside it through a link (the review's escape). */
    @Test
    void linksInTheEditFolderAreNeitherReadNorWrittenThrough(@TempDir Path outside) throws Exception {
        EditFolderWatcher watcher = new EditFolderWatcher(edit, registry, revisions, new AuditFile((java.nio.file.Path) null));
        watcher.poll();
        Path secret = Files.writeString(outside.resolve("users.properties"), "siti=policy|pbkdf2-sha256$secret");
        Path victim = Files.writeString(outside.resolve("rapor-user"), "#!/bin/sh\nexec java UsersCommand\n");

        // Read: a link proposed as a table would publish the file it points at.
        Files.createSymbolicLink(edit.resolve("toy/methodology/leak.csv"), secret);
        for (int k = 0; k < 3; k++) watcher.poll();
        assertEquals(0, revisions.revisions("toy").size(), "nothing was proposed from the link");

        // Write: an exported file's place taken by a link, and the temporary name an export used to write to.
        Path bands = edit.resolve("toy/methodology/bands.csv");
        Files.delete(bands);
        Files.createSymbolicLink(bands, victim);
        Files.createSymbolicLink(edit.resolve("toy/methodology/.aspects.csv.tmp"), victim);
        revisions.propose("toy", Map.of(RuleBundleLayout.DESCRIPTOR, new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR)
                .replace("Toy methodology", "Toy, renamed")), "siti", "title");
        revisions.activate("toy", 1, "siti");
        for (int k = 0; k < 3; k++) watcher.poll(); // exports what now serves over the folder
        assertEquals("#!/bin/sh\nexec java UsersCommand\n", Files.readString(victim), "the file outside is untouched");
        assertEquals("siti=policy|pbkdf2-sha256$secret", Files.readString(secret));
        assertTrue(!Files.isSymbolicLink(bands) && Files.readString(bands).startsWith("code,label"), "the link was replaced by the table");

        // A folder of the edit folder that is a link leading out is refused, not written into.
        Path methodology = edit.resolve("toy/methodology");
        try (var all = Files.walk(methodology)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.createSymbolicLink(methodology, outside);
        revisions.activate("toy", 0, "siti");
        for (int k = 0; k < 3; k++) watcher.poll();
        try (var listed = Files.list(outside)) {
            assertEquals(java.util.Set.of("users.properties", "rapor-user"),
                    listed.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()), "nothing was written outside");
        }
    }

    /** Issue 12, point 13: STATUS.txt exists from the start and always says what serves, however that changed. */
    @Test
    void statusSaysWhatServesFromTheStartAfterAnApiActivationAndOnceARejectedEditIsUndone() throws Exception {
        AuditFile audit = new AuditFile((java.nio.file.Path) null);
        EditFolderWatcher watcher = new EditFolderWatcher(edit, registry, revisions, audit);
        Path status = edit.resolve("toy/STATUS.txt");
        watcher.writeStatuses();
        assertTrue(Files.readString(status).startsWith("SERVING: toy 2024.1.0 (revision 0: its rule bundles), since "), Files.readString(status));
        assertTrue(Files.readString(status).contains(", by rule bundle rules.toy"), Files.readString(status));

        watcher.poll();
        Path bands = edit.resolve("toy/methodology/bands.csv");
        String exported = Files.readString(bands);
        Files.writeString(bands, exported.replace("HI,High,3.01", "HI,High,3.21")); // a gap: rejected
        watcher.poll();
        watcher.poll();
        assertTrue(Files.readString(status).contains("\nREJECTED: your edit, revision 1, was not activated"), Files.readString(status));
        assertEquals(422, audit.page(null, null, 1).get(0).status(), "a rejected revision is recorded as 422, as through the API");

        Files.writeString(bands, exported); // the officer undoes the edit
        watcher.poll();
        watcher.poll();
        assertTrue(Files.readString(status).startsWith("SERVING: toy 2024.1.0 (revision 0: its rule bundles)"), Files.readString(status));
        assertTrue(!Files.readString(status).contains("REJECTED"), "what it said of the undone edit is gone: " + Files.readString(status));

        revisions.propose("toy", Map.of(RuleBundleLayout.DESCRIPTOR, new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR)
                .replace("Toy methodology", "Toy, renamed")), "siti", "title");
        revisions.activate("toy", 2, "siti");
        watcher.poll();
        assertTrue(Files.readString(status).startsWith("SERVING: toy 2024.1.0+r2 (revision 2), since "), Files.readString(status));
        assertTrue(Files.readString(status).endsWith(", by siti\n"), Files.readString(status));
        EditFolderWatcher afterRestart = new EditFolderWatcher(edit, registry, revisions, audit);
        afterRestart.writeStatuses();
        assertTrue(Files.readString(status).startsWith("SERVING: toy 2024.1.0+r2 (revision 2)"), Files.readString(status));
    }

    /** Issue 12, point 12: with approval required the edit folder proposes, and the revision serves only once approved and activated. */
    @Test
    void withApprovalRequiredAnEditIsProposedNotActivated() throws Exception {
        revisions = new RevisionManager(RuleBundleCompiler.of(getClass().getClassLoader()), registry, new RevisionFolder(data), operatorRuleText,
                queue, true);
        EditFolderWatcher watcher = new EditFolderWatcher(edit, registry, revisions, new AuditFile((java.nio.file.Path) null));
        watcher.poll();
        Path bands = edit.resolve("toy/methodology/bands.csv");
        Files.writeString(bands, Files.readString(bands).replace("HI,High,", "HI,Tinggi,"));
        watcher.poll();
        watcher.poll();
        Path status = edit.resolve("toy/STATUS.txt");
        assertEquals("2024.1.0", registry.served("toy").methodology().getVersion(), "proposed, not activated");
        assertTrue(Files.readString(status).contains("\nPROPOSED: revision 1 (your edit) awaits approval"), Files.readString(status));
        revisions.approve("toy", 1, "budi");
        revisions.activate("toy", 1, "budi");
        watcher.poll();
        assertTrue(Files.readString(status).startsWith("SERVING: toy 2024.1.0+r1 (revision 1)"), Files.readString(status));
        assertTrue(!Files.readString(status).contains("PROPOSED"), Files.readString(status));
    }

}
