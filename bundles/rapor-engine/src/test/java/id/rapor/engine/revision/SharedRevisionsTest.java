package id.rapor.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.UnknownRevisionException;
import id.rapor.api.metrics.Meters;
import id.rapor.api.model.RevisionMismatch;
import id.rapor.api.model.Assessment;
import id.rapor.api.model.Revision;
import id.rapor.api.model.RevisionState;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import id.rapor.engine.compile.CompileQueue;
import id.rapor.engine.compile.RuleBundleCompiler;
import id.rapor.engine.deploy.OperatorRuleText;
import id.rapor.engine.serve.MethodologyRegistry;
import id.rapor.engine.source.RuleBundleLayout;
import id.rapor.engine.testing.ToyBundle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one database (the real migrations, on an in-memory H2; PostgreSQL's NOTIFY is stood in for by calling
 * refresh, as the notice would): what one activates, the other serves once it reads again; a revision number two
 * nodes both hand out is stored once; a node's own revisions come along when it first shares the database.
 */
class SharedRevisionsTest {
    private static final Assessment MIXED = new Assessment("u", Map.of("x1", BigDecimal.valueOf(5), "x2", BigDecimal.ONE, "y1", BigDecimal.ONE));
    private static final String BANDS_MOVED = "code,label,min,max\nHI,High,2.01,5.00\nMID,Middle,1.01,2.00\nLO,Low,0.00,1.00\n";
    private static final String GOLDEN_MOVED = "case,index,band,x1,x2,y1\nall five,5.00,HI,5,5,5\nmixed,2.20,HI,5,1,1\n";

    @TempDir Path data;
    private JdbcDataSource db;
    private final RuleBundleCompiler compiler = RuleBundleCompiler.of(getClass().getClassLoader());
    private final Node a = new Node();
    private final Node b = new Node();

    /** A node: its own registry, compile thread and revision manager, on the shared table. */
    private final class Node {
        final MethodologyRegistry registry = new MethodologyRegistry();
        final OperatorRuleText operatorRuleText = new OperatorRuleText();
        final CompileQueue queue = new CompileQueue(getClass().getClassLoader());
        RevisionManager revisions;

        void start(RevisionStore shared) throws Exception {
            start(shared, new ToyBundle());
        }

        /** {@code bundle}: the rule bundle an operator installed on this node. */
        void start(RevisionStore shared, ToyBundle bundle) throws Exception {
            bundle.installIn(registry, operatorRuleText, "2024.1.0");
            revisions = new RevisionManager(compiler, registry, null, operatorRuleText, queue);
            revisions.share(shared);
            settle();
        }

        void settle() throws InterruptedException {
            assertTrue(queue.awaitIdle(60_000));
        }

        String band() throws Exception {
            return registry.served("toy").score(MIXED).band().getCode();
        }

        String version() {
            return registry.served("toy").methodology().getVersion();
        }
    }

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
    }

    @AfterEach
    void stop() {
        a.queue.close();
        b.queue.close();
    }

    @Test
    void whatOneNodeActivatesTheOtherServesOnceItReadsAgain() throws Exception {
        a.start(new RevisionTable(db, false));
        b.start(new RevisionTable(db, false));
        a.revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "HI from 2.01");
        a.revisions.activate("toy", 1, "siti");
        assertEquals("HI", a.band());
        assertEquals("MID", b.band(), "until the notice arrives");

        b.revisions.refresh(); // the notice of "toy"
        b.settle();
        assertEquals("HI", b.band());
        assertEquals("2024.1.0+r1", b.version());
        assertEquals(List.of(RevisionState.ACTIVE), b.revisions.revisions("toy").stream().map(Revision::state).toList());
        assertEquals("siti", b.revisions.serving("toy").by());

        // Back to the rule bundles on B: A follows.
        b.revisions.activate("toy", 0, "budi");
        a.revisions.refresh();
        a.settle();
        assertEquals("MID", a.band());
        assertEquals("2024.1.0", a.version());

        // A third node starting now restores what is active, as a restart does.
        a.revisions.activate("toy", 1, "siti");
        Node c = new Node();
        try {
            c.start(new RevisionTable(db, false));
            assertEquals("HI", c.band());
        } finally {
            c.queue.close();
        }
    }

    @Test
    void aNumberTwoNodesBothHandOutIsStoredOnce() throws Exception {
        a.start(new RevisionTable(db, false));
        b.start(new RevisionTable(db, false));
        a.revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "on A");
        // B has not heard of A's revision 1, but the number comes from the database: B's is 2.
        Revision onB = b.revisions.propose("toy", Map.of(RuleBundleLayout.DESCRIPTOR, new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR)
                .replace("Toy methodology", "Toy, on B")), "budi", "on B");
        assertEquals(2, onB.number());
        RevisionTable table = new RevisionTable(db, false);
        assertEquals(2, table.highestNumber("toy"));
        Revision one = table.load().get("toy").get(0);
        // Stored again as it was (number 1, taken): the store gives it the next number instead of refusing it.
        assertEquals(3, table.save(one).number(), "a number is stored once");
        assertEquals(3, table.highestNumber("toy"));
    }

    @Test
    void aNodeThatCannotRestoreTheSharedActiveRevisionSaysSoAndRetriesLessAndLessOften() throws Exception {
        // B's operator installed other rule text: A's revision (which carries A's) cannot serve on B.
        ToyBundle otherRules = new ToyBundle();
        otherRules.with("rules/weighted-index.drl", otherRules.files.get("rules/weighted-index.drl") + "\n// B's own build\n");
        a.start(new RevisionTable(db, false));
        b.start(new RevisionTable(db, false), otherRules);
        Now now = new Now();
        b.revisions.restoreFailures = new RestoreFailures(now);
        b.revisions.restoreWaitMillis = 0;
        AtomicInteger gauge = new AtomicInteger(-1);
        b.revisions.meters = new Gauge(gauge);

        a.revisions.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "HI from 2.01");
        a.revisions.activate("toy", 1, "siti");
        assertEquals(List.of(), a.revisions.mismatches());
        b.revisions.refresh(); // the notice
        b.settle();

        assertEquals("MID", b.band(), "B goes on scoring with its rule bundles");
        List<RevisionMismatch> mismatches = b.revisions.mismatches();
        assertEquals(1, mismatches.size(), mismatches.toString());
        RevisionMismatch m = mismatches.get(0);
        assertEquals("toy", m.methodologyId());
        assertEquals(1, m.active());
        assertEquals("2024.1.0", m.serving());
        assertTrue(m.reason().contains("not that of any rule bundle"), m.reason());
        assertEquals(now.instant().plus(Duration.ofSeconds(30)), m.nextAttempt());
        assertEquals(1, gauge.get(), "rapor_revision_mismatch");

        // Notices meanwhile do not compile it again...
        b.revisions.refresh();
        b.settle();
        assertEquals(1, b.revisions.restoreFailures.of("toy", 1).attempts());
        // ...the next try comes when its wait is over, and the wait doubles.
        now.pass(Duration.ofSeconds(31));
        b.revisions.refresh();
        b.settle();
        assertEquals(2, b.revisions.restoreFailures.of("toy", 1).attempts());
        assertEquals(now.instant().plus(Duration.ofMinutes(1)), b.revisions.mismatches().get(0).nextAttempt());
        assertEquals(Duration.ofMinutes(5), RestoreFailures.wait(10), "never more than 5 minutes apart");

        // The operator installs A's rule text on B: the next try restores it, and the mismatch is gone.
        b.operatorRuleText.installed("toy", new ToyBundle().files);
        now.pass(Duration.ofMinutes(2));
        b.revisions.refresh();
        b.settle();
        assertEquals("HI", b.band());
        assertEquals(List.of(), b.revisions.mismatches());
        assertEquals(0, gauge.get());
    }

    /** A clock the test moves. */
    private static final class Now extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override public Instant instant() { return now; }
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }

    /** What the metrics bundle would be told of the mismatches. */
    private record Gauge(AtomicInteger value) implements Meters {
        @Override public void revisionMismatches(int methodologies) { value.set(methodologies); }
        @Override public void request(String method, String route, int status, long nanos) { }
        @Override public void scored(String methodology, String version, int units) { }
        @Override public void compiled(String methodology, boolean accepted, long nanos) { }
        @Override public void audited(String action, int status) { }
        @Override public void failedLogin() { }
    }

    @Test
    void aNodeBringsItsOwnRevisionsTheFirstTimeItSharesTheDatabase() throws Exception {
        // A single node with revisions under its data folder...
        MethodologyRegistry registry = new MethodologyRegistry();
        OperatorRuleText ruleText = new OperatorRuleText();
        new ToyBundle().installIn(registry, ruleText, "2024.1.0");
        CompileQueue queue = new CompileQueue(getClass().getClassLoader());
        try {
            RevisionManager alone = new RevisionManager(compiler, registry, new RevisionFolder(data), ruleText, queue);
            alone.propose("toy", Map.of(RuleBundleLayout.BANDS, BANDS_MOVED, RuleBundleLayout.GOLDEN_CASES, GOLDEN_MOVED), "siti", "move");
            alone.activate("toy", 1, "siti");
            alone.approve("toy", 1, "budi");
        } finally {
            queue.close();
        }
        // ...moves to the shared database: everything comes along, and a node on it serves revision 1.
        RevisionTable table = new RevisionTable(db, false);
        assertTrue(table.importIfEmpty(new RevisionFolder(data)));
        assertEquals(false, table.importIfEmpty(new RevisionFolder(data)), "once: a second node's copy of the folder is not imported again");
        a.start(table);
        assertEquals("HI", a.band());
        Revision r = a.revisions.revision("toy", 1);
        assertEquals(RevisionState.ACTIVE, r.state());
        assertEquals("budi", r.approvedBy());
        assertEquals(BANDS_MOVED, r.files().get(RuleBundleLayout.BANDS));
        assertEquals("siti", a.revisions.serving("toy").by());
    }

    /** GET /health is asked unauthenticated: a failed restore is said by its kind there, never by its text. */
    @Test
    void healthSaysWhyARestoreFailedWithoutItsText() {
        String secret = "/opt/rapor/deploy/pekppp.jar: password=hunter2 at rules/secret.drl:12";
        assertEquals("it could not be compiled here (the log says why)",
                RevisionManager.publicReason("it could not be compiled: java.lang.IllegalStateException: " + secret));
        assertEquals("it no longer passes its checks here (the revision's errors say which)",
                RevisionManager.publicReason("it no longer passes its checks: 1 error(s), first " + secret));
        String notInstalled = RevisionManager.publicReason("its rule text is not that of any rule bundle an operator installed for it");
        assertTrue(notInstalled.contains("not that of any rule bundle"), notInstalled);
    }
}
