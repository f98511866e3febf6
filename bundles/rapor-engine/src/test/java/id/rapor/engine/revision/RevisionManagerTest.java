package id.rapor.engine.revision;

import id.rapor.engine.compile.CompileQueue;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.source.RuleBundleLayout;
import id.rapor.engine.source.RuleSourceSnapshot;
import id.rapor.engine.testing.ToyBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.UnknownRevisionException;
import id.rapor.api.model.Assessment;
import id.rapor.api.SameRevisionException;
import id.rapor.api.model.DeploymentState;
import id.rapor.api.model.GoldenChange;
import id.rapor.api.model.Revision;
import id.rapor.api.model.Serving;
import id.rapor.api.model.RevisionState;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions: checked when proposed, served only when activated, rolled back, and kept across a restart. */
public class RevisionManagerTest {
    private static final Assessment MIXED = new Assessment("u", Map.of("x1", bd(5), "x2", bd(1), "y1", bd(1))); // 2.20
    private static final String BANDS_MOVED = "code,label,min,max\nHI,High,2.01,5.00\nMID,Middle,1.01,2.00\nLO,Low,0.00,1.00\n";
    private static final String GOLDEN_MOVED = "case,index,band,x1,x2,y1\nall five,5.00,HI,5,5,5\nmixed,2.20,HI,5,1,1\n";

    @TempDir Path data;
    private final OperatorRuleText operatorRuleText = new OperatorRuleText();
    private final CompileQueue queue = new CompileQueue(getClass().getClassLoader());

    @org.junit.jupiter.api.AfterEach
    void stopTheCompileThread() {
        queue.close();
    }
    private final RuleBundleCompiler compiler = RuleBundleCompiler.of(getClass().getClassLoader());
    private MethodologyRegistry registry;
    private RevisionManager revisions;

    @BeforeEach
    void serveTheToyBundle() throws Exception {
        registry = new MethodologyRegistry();
        new ToyBundle().installIn(registry, operatorRuleText, "2024.1.0");
        revisions = new RevisionManager(compiler, registry, new RevisionFolder(data), operatorRuleText, queue);
    }

    @Test
    void aCheckedRevisionServesOnlyOnceActivated() throws Exception {
        Revision r = revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "HI from 2.01");
        assertEquals(RevisionState.DRAFT, r.state());
        assertEquals(1, r.number());
        assertEquals("2024.1.0+r1", r.version());
        assertEquals(64, r.hash().length());
        assertEquals("MID", registry.served("toy").score(MIXED).band().getCode(), "a draft does not serve");
        assertEquals("HI", revisions.score("toy", 1, MIXED).band().getCode(), "but it can be pinned");
        revisions.activate("toy", 1, "siti");
        var served = registry.served("toy").score(MIXED);
        assertEquals("HI", served.band().getCode());
        assertEquals("2024.1.0+r1", served.methodologyVersion());
    }

    @Test
    void aRevisionThatFailsItsChecksIsRejectedAndTheActiveOneKeepsServing() throws Exception {
        Revision bad = revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED), "siti", "forgot the golden cases");
        assertEquals(RevisionState.REJECTED, bad.state());
        assertEquals(RuleBundleLayout.GOLDEN_CASES, bad.errors().get(0).file());
        assertEquals(3, bad.errors().get(0).line());
        assertThrows(UnknownRevisionException.class, () -> revisions.activate("toy", 1, "siti"));
        assertEquals("MID", registry.served("toy").score(MIXED).band().getCode());
        Revision outside = revisions.propose("toy", Map.of("../../etc/passwd", "x"), "siti", "escape");
        assertEquals(RevisionState.REJECTED, outside.state());
        assertTrue(outside.errors().get(0).message().startsWith("not a rule bundle file"));
    }

    @Test
    void rollbackIsActivatingAnEarlierRevision() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti");
        revisions.propose("toy", Map.of(RuleBundleLayout.DESCRIPTOR, new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR)
                .replace("Toy methodology", "Toy methodology, renamed")), "budi", "title");
        revisions.activate("toy", 2, "budi");
        assertEquals("Toy methodology, renamed", registry.served("toy").methodology().getTitle());
        assertEquals("HI", registry.served("toy").score(MIXED).band().getCode(), "revision 2 was based on revision 1");
        revisions.activate("toy", 1, "siti");
        assertEquals(List.of(RevisionState.ACTIVE, RevisionState.SUPERSEDED), revisions.revisions("toy").stream().map(Revision::state).toList());
        assertEquals("Toy methodology", registry.served("toy").methodology().getTitle());
    }

    /** Restores on a real compile thread and waits for it, as the service does at startup. */
    private void restore(RevisionManager manager) throws InterruptedException {
        manager.restore();
        assertTrue(queue.awaitIdle(60_000), "restore finished");
    }

    @Test
    void revisionZeroHandsTheMethodologyBackToItsRuleBundles() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti");
        Revision zero = revisions.activate("toy", 0, "siti");
        assertEquals("2024.1.0", zero.baseVersion());
        assertEquals("MID", registry.served("toy").score(MIXED).band().getCode());
        assertEquals(List.of(RevisionState.SUPERSEDED), revisions.revisions("toy").stream().map(Revision::state).toList());
        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        restore(new RevisionManager(compiler, restarted, new RevisionFolder(data), operatorRuleText, queue));
        assertEquals("2024.1.0", restarted.served("toy").methodology().getVersion(), "and it stays so after a restart");
    }

    @Test
    void revisionsAndTheActiveOneSurviveARestart() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti");
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, "broken"), "siti", "oops");
        Files.createDirectories(data.resolve("revisions/toy/3.tmp/files")); // a crash mid-write

        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        RevisionManager again = new RevisionManager(compiler, restarted, new RevisionFolder(data), operatorRuleText, queue);
        restore(again);
        assertEquals(List.of(RevisionState.ACTIVE, RevisionState.REJECTED), again.revisions("toy").stream().map(Revision::state).toList());
        assertEquals("HI", restarted.served("toy").score(MIXED).band().getCode());
        assertEquals("siti", again.revision("toy", 1).author());
        assertEquals(BANDS_MOVED, again.revision("toy", 1).files().get(RuleBundleLayout.BANDS));
        assertTrue(Files.notExists(data.resolve("revisions/toy/3.tmp")), "the half-written revision is cleaned away");
        assertSame(null, again.revisions("toy").stream().filter(r -> r.number() == 3).findFirst().orElse(null));
    }

    @Test
    void aDamagedStoreFileLosesOnlyWhatIsDamaged() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti");
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, "broken"), "siti", "oops");
        Files.writeString(data.resolve("revisions/toy/active"), ""); // as a power cut could once leave it
        Files.writeString(data.resolve("revisions/toy/2/revision.properties"), "time=not a time\n");

        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        RevisionManager again = new RevisionManager(compiler, restarted, new RevisionFolder(data), operatorRuleText, queue);
        restore(again);
        assertEquals(List.of(1), again.revisions("toy").stream().map(Revision::number).toList(), "the unreadable revision 2 is left out");
        assertEquals("2024.1.0", restarted.served("toy").methodology().getVersion(), "with no readable active revision the bundle serves");
        assertEquals(3, again.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED.replace("LO,Low,", "LO,Rendah,"),
                RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "again").number(), "the damaged revision keeps its number");
    }

    @Test
    void impactShowsTheUnitsWhoseBandWouldChange() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        Assessment top = new Assessment("top", Map.of("x1", bd(5), "x2", bd(5), "y1", bd(5)));
        Assessment bad = new Assessment("bad", Map.of("x1", bd(7)));
        var impact = revisions.impact("toy", 1, List.of(new Assessment("mixed", MIXED.answers()), top, bad));
        assertEquals("2024.1.0", impact.activeVersion());
        assertEquals("2024.1.0+r1", impact.candidateVersion());
        assertEquals(1, impact.changed().size());
        var line = impact.changed().get(0);
        assertEquals("mixed", line.unit());
        assertEquals("MID", line.oldBand());
        assertEquals("HI", line.newBand());
        assertEquals(0, line.delta().signum(), "same index, another band");
        assertEquals(1, impact.unchanged());
        assertEquals("bad", impact.errors().get(0).unit());
    }

    @Test
    void diffListsTableRowsByKey() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti"); // revision 2 is made over the serving one
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED.replace("LO,Low,", "LO,Rendah,")), "siti", "labels");
        var changes = revisions.diff("toy", 1, 2);
        assertEquals(List.of("methodology/bands.csv CHANGED LO"), changes.stream().map(c -> c.file() + " " + c.kind() + " " + c.key()).sorted().toList());
        var band = changes.get(0);
        assertEquals("LO,Low,0.00,1.00", band.before());
        assertEquals("LO,Rendah,0.00,1.00", band.after());
    }

    /** Each was accepted as a DRAFT and ran as the server's user before rule text became the operators' alone. */
    @Test
    void ruleTextInARevisionIsRefusedBeforeItIsCompiled(@TempDir Path victim) throws Exception {
        Path pwned = victim.resolve("pwned");
        String head = "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\nimport id.rapor.api.fact.Reason;\nimport java.math.RoundingMode;\n";
        List<String> escapes = List.of(
                // A text block the old checker read as a string to the end of the line.
                head + "rule \"r\"\nwhen\n    $m : Methodology()\nthen\n    String t = \"\"\"\n x\n\"\"\"; Object o = Runtime.getRuntime().exec("
                        + "new String[]{\"/bin/sh\",\"-c\",\"touch " + pwned + "\"});\nend\n",
                // No forbidden name at all: from an allowed enum to Class, to a URL, to any file.
                head + "rule \"r\"\nwhen\n    $m : Methodology()\nthen\n    insert( new Reason( \"x\", new String( RoundingMode.UP.getDeclaringClass()"
                        + ".getResource( \"RoundingMode.class\" ).toURI().resolve( \"file:///etc/passwd\" ).toURL().openStream().readAllBytes() ) ) );\nend\n");
        String shipped = new ToyBundle().files.get("rules/index-and-band.drl");
        for (String drl : escapes) {
            for (Map<String, String> files : List.of(Map.of("rules/extra.drl", drl), Map.of("rules/index-and-band.drl", shipped + "\n" + drl))) {
                Revision r = revisions.propose("toy", files, "siti", "escape");
                assertEquals(RevisionState.REJECTED, r.state());
                String path = files.keySet().iterator().next();
                assertEquals(List.of(path + ": " + RevisionManager.RULE_TEXT_REFUSED), r.errors().stream().map(Object::toString).toList());
                assertThrows(UnknownRevisionException.class, () -> revisions.score("toy", r.number(), MIXED), "never scores");
                assertThrows(UnknownRevisionException.class, () -> revisions.activate("toy", r.number(), "siti"), "never serves");
            }
        }
        assertTrue(Files.notExists(pwned), "nothing ran");
        // The rule text as an operator installed it is no change, and tables change as before.
        assertEquals(RevisionState.DRAFT, revisions.propose("toy", Map.of("rules/index-and-band.drl", shipped, RuleBundleLayout.BANDS, BANDS_MOVED,
                RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "tables").state());
    }

    @Test
    void aStoredRevisionWhoseRuleTextNoOperatorInstalledIsNeverCompiled(@TempDir Path victim) throws Exception {
        // As an earlier version could have stored it: active, with rule text that runs a command.
        Path pwned = victim.resolve("pwned");
        Map<String, String> files = new java.util.TreeMap<>(new ToyBundle().files);
        files.put("rules/extra.drl", "package id.rapor.rules;\nimport id.rapor.api.model.Methodology;\nrule \"r\"\nwhen\n    $m : Methodology()\nthen\n"
                + "    Runtime.getRuntime().exec( new String[]{ \"touch\", \"" + pwned + "\" } );\nend\n");
        RevisionFolder store = new RevisionFolder(data);
        store.save(new Revision("toy", 1, RevisionState.DRAFT, RuleSourceSnapshot.hash(files), "mallory", java.time.Instant.now(), "old hole",
                "2024.1.0", files, List.of()));
        store.activate("toy", 1, "mallory", java.time.Instant.now());

        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        RevisionManager again = new RevisionManager(compiler, restarted, store, operatorRuleText, queue);
        again.restoreWaitMillis = 200;
        restore(again);
        assertTrue(Files.notExists(pwned), "nothing ran");
        assertEquals("2024.1.0", restarted.served("toy").methodology().getVersion(), "the operator's bundle serves");
        Revision r = again.revision("toy", 1);
        assertEquals(RevisionState.REJECTED, r.state(), "the list no longer says it serves");
        assertTrue(r.errors().get(0).message().contains("not that of any rule bundle an operator installed"), r.errors().toString());
        assertThrows(UnknownRevisionException.class, () -> again.score("toy", 1, MIXED));
    }

    @Test
    void revisionZeroHoldsTheRuleBundlesFilesToStartAChangeFrom() throws Exception {
        Revision zero = revisions.revision("toy", 0);
        assertEquals(new ToyBundle().files.get(RuleBundleLayout.BANDS), zero.files().get(RuleBundleLayout.BANDS));
        assertEquals(RevisionState.ACTIVE, zero.state(), "no revision serves: the rule bundles do");
        assertEquals("2024.1.0", zero.version());
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "siti");
        assertEquals(RevisionState.SUPERSEDED, revisions.revision("toy", 0).state());
        assertEquals(new ToyBundle().files.get(RuleBundleLayout.BANDS), revisions.revision("toy", 0).files().get(RuleBundleLayout.BANDS),
                "still the rule bundles' own files");
    }

    @Test
    void diffFromRevisionZeroShowsTheWholeChangeAgainstTheRuleBundle() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        var changes = revisions.diff("toy", 0, 1);
        assertTrue(changes.stream().anyMatch(c -> c.file().equals(RuleBundleLayout.BANDS)), changes.toString());
        assertTrue(changes.stream().allMatch(c -> c.file().equals(RuleBundleLayout.BANDS) || c.file().equals(RuleBundleLayout.GOLDEN_CASES)),
                "only the files the revision changed: " + changes);
        assertEquals(List.of(), revisions.diff("toy", 1, 1));
    }

    private static BigDecimal bd(int v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void aCompileInProgressBlocksNoReadAndNoScore() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        // The compile thread is busy for as long as this test wants (a golden case may take 30 s).
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        queue.submit("other", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var proposing = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() ->
                revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED.replace("LO,Low,", "LO,Rendah,"),
                        RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "budi", "labels"));
        try {
            long start = System.nanoTime();
            assertEquals(1, revisions.revisions("toy").size(), "the proposal still compiling is not listed yet");
            assertEquals("siti", revisions.revision("toy", 1).author());
            assertEquals("HI", revisions.score("toy", 1, MIXED).band().getCode());
            assertTrue(!revisions.diff("toy", 0, 1).isEmpty());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2_000, "reads and scores answered while the compile waits");
            assertTrue(!proposing.isDone(), "the proposal waits for the compile thread");
        } finally {
            release.countDown();
        }
        assertEquals(2, proposing.get(60, java.util.concurrent.TimeUnit.SECONDS).number());
        assertEquals(2, revisions.revisions("toy").size());
    }

    @Test
    void aRevisionChangesTheBundlesTablesOnlyAndWithinASize() throws Exception {
        Revision other = revisions.propose("toy", Map.of("methodology/notes.csv", "#!/bin/sh\nid\n"), "siti", "a file of my own");
        assertEquals(RevisionState.REJECTED, other.state());
        assertTrue(other.errors().get(0).toString().startsWith("methodology/notes.csv: not a rule bundle file"), other.errors().toString());
        Revision huge = revisions.propose("toy", Map.of(RuleBundleLayout.PROVENANCE, "x".repeat((int) RevisionManager.MAX_CHANGE_CHARS + 1)),
                "siti", "too big");
        assertEquals(RevisionState.REJECTED, huge.state());
        assertTrue(huge.errors().get(0).message().contains("a revision changes at most"), huge.errors().toString());
        assertTrue(Files.notExists(data.resolve("revisions/toy/" + huge.number() + "/files/methodology/provenance.csv"))
                || Files.size(data.resolve("revisions/toy/" + huge.number() + "/files/methodology/provenance.csv")) > 0);
    }

    @Test
    void storedRevisionsKeepTheirFilesOnDiskNotInTheHeap() throws Exception {
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        assertEquals(Map.of(), revisions.revisions("toy").get(0).files(), "the list holds no files");
        assertEquals(BANDS_MOVED, revisions.revision("toy", 1).files().get(RuleBundleLayout.BANDS), "one revision brings them from disk");
    }

    /** Issue 12, point 11: golden cases that only moved with the tables are shown old beside new, and accepted in one step. */
    @Test
    void goldenCasesThatOnlyMovedWithTheTablesAreAcceptedAsANewRevision() throws Exception {
        Revision moved = revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED), "siti", "HI from 2.01");
        assertEquals(RevisionState.REJECTED, moved.state());
        assertEquals(List.of(new GoldenChange("mixed", 3, new BigDecimal("2.20"), "MID", new BigDecimal("2.20"), "HI")), moved.goldenChanges());
        assertEquals(moved.goldenChanges(), revisions.revision("toy", 1).goldenChanges(), "kept with the revision");

        Revision accepted = revisions.acceptGoldenChanges("toy", 1, "budi");
        assertEquals(RevisionState.DRAFT, accepted.state(), accepted.errors().toString());
        assertEquals(2, accepted.number());
        assertEquals("budi", accepted.author());
        assertTrue(accepted.comment().contains("'mixed' 2.20 MID → 2.20 HI"), accepted.comment());
        assertEquals(GOLDEN_MOVED, accepted.files().get(RuleBundleLayout.GOLDEN_CASES), "only the moved case's numbers changed");
        assertEquals(BANDS_MOVED, accepted.files().get(RuleBundleLayout.BANDS));
        assertEquals(RevisionState.REJECTED, revisions.revision("toy", 1).state(), "revision 1 stays as it was made");
        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        RevisionManager again = new RevisionManager(compiler, restarted, new RevisionFolder(data), operatorRuleText, queue);
        restore(again);
        assertEquals(moved.goldenChanges(), again.revision("toy", 1).goldenChanges(), "and they survive a restart");

        // Not this way: a case whose answers are invalid, or a revision that passed.
        Revision invalid = revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED,
                RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED.replace("mixed,2.20,HI,5,1,1", "mixed,2.20,HI,7,1,1")), "siti", "x1 of 7");
        assertEquals(RevisionState.REJECTED, invalid.state());
        assertEquals(List.of(), invalid.goldenChanges());
        var refused = assertThrows(UnknownRevisionException.class, () -> revisions.acceptGoldenChanges("toy", invalid.number(), "budi"));
        assertEquals(UnknownRevisionException.Reason.GOLDEN_CASES_NOT_ACCEPTABLE, refused.reason());
        assertTrue(refused.getMessage().contains("more than golden cases"), refused.getMessage());
        assertEquals(UnknownRevisionException.Reason.GOLDEN_CASES_NOT_ACCEPTABLE,
                assertThrows(UnknownRevisionException.class, () -> revisions.acceptGoldenChanges("toy", 2, "budi")).reason());
    }

    /** Issue 12, point 12: with approval required, a second policy user approves before a revision is activated. */
    @Test
    void withApprovalRequiredASecondPolicyUserApprovesBeforeActivation() throws Exception {
        revisions = new RevisionManager(compiler, registry, new RevisionFolder(data), operatorRuleText, queue, true);
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        var unapproved = assertThrows(UnknownRevisionException.class, () -> revisions.activate("toy", 1, "siti"));
        assertEquals(UnknownRevisionException.Reason.NOT_APPROVED, unapproved.reason());
        assertTrue(unapproved.getMessage().contains("approval"), unapproved.getMessage());
        assertEquals("2024.1.0", registry.served("toy").methodology().getVersion());
        assertEquals(UnknownRevisionException.Reason.OWN_REVISION,
                assertThrows(UnknownRevisionException.class, () -> revisions.approve("toy", 1, "siti")).reason());
        Revision approved = revisions.approve("toy", 1, "budi");
        assertEquals("budi", approved.approvedBy());
        assertEquals("budi", revisions.approve("toy", 1, "rina").approvedBy(), "approved once is enough");
        revisions.activate("toy", 1, "siti");
        assertEquals("2024.1.0+r1", registry.served("toy").methodology().getVersion());
        assertEquals(0, revisions.activate("toy", 0, "siti").number(), "back to the rule bundles needs no approval");

        RevisionManager again = new RevisionManager(compiler, registry, new RevisionFolder(data), operatorRuleText, queue, true);
        restore(again);
        assertEquals("budi", again.revision("toy", 1).approvedBy(), "the approval is stored");
        Revision rejected = revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, "broken"), "siti", "oops");
        assertEquals(UnknownRevisionException.Reason.REJECTED,
                assertThrows(UnknownRevisionException.class, () -> revisions.approve("toy", rejected.number(), "budi")).reason());
    }

    /** Issue 12, point 14: the same content proposed again is the existing revision, not a new draft. */
    @Test
    void anIdenticalProposalIsTheExistingRevision() throws Exception {
        Map<String, String> move = Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED);
        Revision first = revisions.propose("toy", move, "siti", "move");
        SameRevisionException same = assertThrows(SameRevisionException.class, () -> revisions.propose("toy", move, "budi", "move again"));
        assertEquals(first.number(), same.existing().number());
        assertEquals(first.hash(), same.existing().hash());
        assertEquals(1, revisions.revisions("toy").size(), "nothing new stored");
        // A rejected revision may pass now (its rule bundle installed since): proposing it again checks it again.
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, "broken"), "siti", "oops");
        assertEquals(3, revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, "broken"), "siti", "oops").number());
    }

    /** Issue 12, points 13 and 15: what serves, since when and by whom; PENDING (never "nothing") while the active revision is restored. */
    @Test
    void servingSaysWhatServesSinceWhenAndByWhomAndIsPendingWhileRestored() throws Exception {
        Serving bundle = revisions.serving("toy");
        assertEquals(List.of(DeploymentState.ACTIVE, "2024.1.0", 0, "rule bundle rules.toy"),
                List.of(bundle.state(), bundle.version(), bundle.revision(), bundle.by()));
        revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
        revisions.activate("toy", 1, "budi");
        Serving one = revisions.serving("toy");
        assertEquals(List.of(DeploymentState.ACTIVE, "2024.1.0+r1", 1, "budi"), List.of(one.state(), one.version(), one.revision(), one.by()));

        MethodologyRegistry restarted = new MethodologyRegistry();
        new ToyBundle().installIn(restarted, operatorRuleText, "2024.1.0");
        RevisionManager again = new RevisionManager(compiler, restarted, new RevisionFolder(data), operatorRuleText, queue);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        queue.submit("other", () -> { // the compile thread is busy: the restore waits
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            again.restore();
            Serving restoring = again.serving("toy");
            assertEquals(List.of(DeploymentState.PENDING, "2024.1.0+r1", 1, "budi"),
                    List.of(restoring.state(), restoring.version(), restoring.revision(), restoring.by()));
            assertEquals(one.since(), restoring.since());
        } finally {
            release.countDown();
        }
        assertTrue(queue.awaitIdle(60_000));
        Serving restored = again.serving("toy");
        assertEquals(List.of(DeploymentState.ACTIVE, "2024.1.0+r1", 1, "budi"), List.of(restored.state(), restored.version(), restored.revision(), restored.by()));
        assertEquals(one.since(), restored.since(), "since it was activated, not since the restart");
        again.activate("toy", 0, "siti");
        assertEquals(List.of(0, "siti"), List.of(again.serving("toy").revision(), again.serving("toy").by()));
    }
}
