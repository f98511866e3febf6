package id.rapor.engine.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.RevisionStoreException;
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
import id.rapor.testing.PostgresServer;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two nodes on one real PostgreSQL proposing revisions of the same methodology at the same moment: the database hands
 * out the numbers, so every proposal is stored, under a number of its own, none refused; activations racing to make the
 * first rule_activation row both stand; a database that is away is "unavailable", not a conflict.
 */
class RevisionNumbersOnPostgresTest {
    private static final int THREADS = 8;
    private static PostgresServer postgres;
    private static PGSimpleDataSource db;
    private final RuleBundleCompiler compiler = RuleBundleCompiler.of(getClass().getClassLoader());

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start();
        db = new PGSimpleDataSource();
        db.setURL(postgres.url("rapor"));
        db.setUser(PostgresServer.USER);
        db.setPassword(PostgresServer.PASSWORD);
        Migrations.migrate(db, DatabaseSettings.Kind.POSTGRESQL);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) postgres.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM rule_revision_file; DELETE FROM rule_revision; DELETE FROM rule_activation; DELETE FROM rule_revision_lock");
        }
    }

    @Test
    void twoStoresSavingTheSameNumberAtOnceEachGetOneOfTheirOwn() throws Exception {
        List<RevisionTable> stores = List.of(new RevisionTable(db, true), new RevisionTable(db, true));
        List<Callable<Revision>> saves = new ArrayList<>();
        for (int k = 0; k < 2 * THREADS; k++) {
            RevisionTable store = stores.get(k % 2);
            // Every node thinks the next number is 1: none has heard of the others' revisions.
            Revision r = new Revision("toy", 1, RevisionState.DRAFT, "h" + k, "user" + k, Instant.now(), "race " + k, "2024.1.0",
                    Map.of(RuleBundleLayout.BANDS, "code,label,min,max\n" + k + "\n"), List.of(), List.of(), null, null);
            saves.add(() -> store.save(r));
        }
        Set<Integer> numbers = new TreeSet<>();
        for (Revision r : all(saves)) numbers.add(r.number());
        assertEquals(rangeTo(2 * THREADS), numbers, "every save stored, each under a number of its own");
        RevisionTable reader = new RevisionTable(db, false);
        assertEquals(2 * THREADS, reader.highestNumber("toy"));
        assertEquals(2 * THREADS, reader.load().get("toy").size());
        for (int n = 1; n <= 2 * THREADS; n++) assertEquals(1, reader.files("toy", n).size(), "revision " + n + " has its own file");
    }

    @Test
    void twoNodesProposingAtOnceAllStoreUnderDistinctNumbers() throws Exception {
        List<Node> nodes = List.of(new Node(), new Node());
        try {
            for (Node n : nodes) n.start();
            String descriptor = new ToyBundle().files.get(RuleBundleLayout.DESCRIPTOR);
            List<Callable<Revision>> proposals = new ArrayList<>();
            for (int k = 0; k < 2 * THREADS; k++) {
                Node node = nodes.get(k % 2);
                String changed = descriptor.replace("Toy methodology", "Toy, proposal " + k);
                String author = "user" + k;
                proposals.add(() -> node.revisions.propose("toy", Map.of(RuleBundleLayout.DESCRIPTOR, changed), author, "race"));
            }
            List<Revision> stored = all(proposals);
            Set<Integer> numbers = new TreeSet<>();
            for (Revision r : stored) {
                numbers.add(r.number());
                assertEquals(RevisionState.DRAFT, r.state(), r.errors().toString());
                assertEquals("2024.1.0+r" + r.number(), r.version());
            }
            assertEquals(rangeTo(2 * THREADS), numbers, "every proposal stored, each under a number of its own");
            // Each node lists its own under the numbers the database gave; once it reads again, everyone's.
            for (Node n : nodes) {
                n.revisions.refresh();
                n.settle();
                assertEquals(2 * THREADS, n.revisions.revisions("toy").size());
            }
            // A proposal renumbered by the store still activates and serves under its own number, on either node.
            int last = stored.get(stored.size() - 1).number();
            Node other = nodes.get((stored.size() - 1) % 2 == 0 ? 1 : 0);
            other.revisions.activate("toy", last, "siti");
            assertEquals("2024.1.0+r" + last, other.registry.served("toy").methodology().getVersion());
        } finally {
            for (Node n : nodes) n.queue.close();
        }
    }

    @Test
    void activationsRacingForTheFirstActivationRowAllStand() throws Exception {
        RevisionTable store = new RevisionTable(db, true);
        List<Callable<Revision>> activations = new ArrayList<>();
        for (int k = 0; k < 2 * THREADS; k++) {
            RevisionTable own = new RevisionTable(db, true);
            String by = "user" + k;
            activations.add(() -> {
                own.activate("toy", 0, by, Instant.now());
                return null;
            });
        }
        all(activations);
        assertEquals(1, store.activations().size());
        assertEquals(0, store.activations().get("toy").revision());
    }

    @Test
    void aDatabaseThatIsAwayIsUnavailableNotAConflict() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/rapor"); // nothing listens on port 1
        nowhere.setConnectTimeout(2);
        RevisionStoreException e = assertThrows(RevisionStoreException.class, () -> new RevisionTable(nowhere, true).save(
                new Revision("toy", 1, RevisionState.DRAFT, "h", "siti", Instant.now(), "", "2024.1.0", Map.of(), List.of(), List.of(), null, null)));
        assertFalse(e.conflict(), "retry later, not a conflict: " + e.getMessage());
        // Approving a revision no node stored is a conflict (another node's view, not a failure).
        RevisionStoreException missing = assertThrows(RevisionStoreException.class,
                () -> new RevisionTable(db, true).approve("toy", 42, "budi", Instant.now()));
        assertTrue(missing.conflict(), missing.getMessage());
    }

    /** Runs every task at the same moment (a latch opens them together); their answers, or the first failure. */
    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> t : tasks) futures.add(pool.submit(() -> {
                go.await();
                return t.call();
            }));
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Set<Integer> rangeTo(int n) {
        Set<Integer> s = new TreeSet<>();
        for (int k = 1; k <= n; k++) s.add(k);
        return s;
    }

    /** A node: its own registry, compile thread and revision manager, on its own store over the shared database. */
    private final class Node {
        final MethodologyRegistry registry = new MethodologyRegistry();
        final OperatorRuleText operatorRuleText = new OperatorRuleText();
        final CompileQueue queue = new CompileQueue(getClass().getClassLoader());
        RevisionManager revisions;

        void start() throws Exception {
            new ToyBundle().installIn(registry, operatorRuleText, "2024.1.0");
            revisions = new RevisionManager(compiler, registry, null, operatorRuleText, queue);
            revisions.share(new RevisionTable(db, true));
            settle();
        }

        void settle() throws InterruptedException {
            assertTrue(queue.awaitIdle(60_000));
        }
    }
}
