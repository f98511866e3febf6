package id.rapor.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.api.model.AuditEntry;
import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' rules' audit trail on one database (the real migrations, on an in-memory H2): what either records, both
 * page alike; what is recorded before the database is there, or while it does not answer, is held and written once it
 * does; past the bound, the oldest go to the node's own file rather than nowhere.
 */
class RuleAuditTest {
    @TempDir Path data;
    private JdbcDataSource db;
    private final AtomicLong now = new AtomicLong(1_000_000);

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
    }

    private static AuditEntry entry(String action, String methodology, Integer revision) {
        return new AuditEntry(Instant.parse("2026-01-02T03:04:05.123456Z"), "siti", "127.0.0.1", "req-1", action, methodology, revision, 201,
                "detail of " + action);
    }

    private RuleAudit node(String name) {
        return new RuleAudit(new AuditFile(data.resolve(name + ".jsonl")), true, now::get);
    }

    @Test
    void bothNodesPageOneTrailNewestFirst() {
        RuleAudit a = node("a");
        RuleAudit b = node("b");
        a.share(new AuditTable(db));
        b.share(new AuditTable(db));
        a.record(entry("revision.propose", "m1", 1));
        b.record(entry("revision.activate", "m1", 1));
        a.record(entry("deploy", "m2", null));
        List<AuditEntry> onB = b.page(null, null, 10);
        assertEquals(List.of("deploy", "revision.activate", "revision.propose"), onB.stream().map(AuditEntry::action).toList());
        assertEquals(onB, a.page(null, null, 10), "the same trail, ids and all, on either node");
        AuditEntry first = onB.get(2);
        assertEquals(entry("revision.propose", "m1", 1).time(), first.time());
        assertEquals("siti", first.user());
        assertEquals(1, first.revision());
        assertEquals(null, onB.get(0).revision());
        assertEquals(List.of("revision.activate", "revision.propose"), a.page("m1", null, 10).stream().map(AuditEntry::action).toList());
        assertEquals(List.of("revision.propose"), a.page(null, onB.get(1).id(), 10).stream().map(AuditEntry::action).toList(),
                "older than the given id");
        assertEquals(1, a.page(null, null, 1).size());
    }

    @Test
    void entriesBeforeTheDatabaseIsThereAreHeldAndWrittenOnceItIs() {
        RuleAudit a = node("a");
        a.record(entry("deploy", "m1", null));
        a.record(entry("refused", null, null));
        assertEquals(2, a.held());
        assertThrows(id.rapor.api.records.RecordsUnavailableException.class, () -> a.page(null, null, 10), "no trail to read yet: a 503");
        a.share(new AuditTable(db));
        assertEquals(0, a.held());
        RuleAudit b = node("b");
        b.share(new AuditTable(db));
        assertEquals(List.of("refused", "deploy"), b.page(null, null, 10).stream().map(AuditEntry::action).toList(), "written, seen by every node");
    }

    @Test
    void aDatabaseThatDoesNotAnswerHoldsEntriesUntilItDoesAndTheOldestGoToTheFilePastTheBound() throws Exception {
        boolean[] down = {false};
        // A database that stops answering, as the pool says so: getConnection fails.
        javax.sql.DataSource flaky = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down[0]) throw new SQLException("connection refused");
                    try {
                        return method.invoke(db, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AuditFile file = new AuditFile(data.resolve("a.jsonl"));
        RuleAudit a = new RuleAudit(file, true, now::get);
        a.share(new AuditTable(flaky));
        down[0] = true;
        a.record(entry("first", null, null));
        assertEquals(1, a.held());
        now.addAndGet(RuleAudit.RETRY_MS + 1);
        for (int i = 0; i < RuleAudit.HELD_MAX + 4; i++) a.record(entry("more", null, null));
        assertEquals(RuleAudit.HELD_MAX, a.held(), "memory stays bounded");
        List<AuditEntry> spilled = file.page(null, null, 100);
        assertEquals(5, spilled.size(), "the oldest went to the node's file, not nowhere");
        assertEquals("first", spilled.get(4).action());
        assertThrows(id.rapor.api.records.RecordsUnavailableException.class, () -> a.page(null, null, 10), "a 503 while it does not answer");
        down[0] = false;
        a.retry();
        assertEquals(0, a.held());
        assertEquals(RuleAudit.HELD_MAX, new AuditTable(db).page(null, null, RuleAudit.HELD_MAX + 10).size());
    }

    @Test
    void aSingleNodeKeepsItsFile() {
        AuditFile file = new AuditFile(data.resolve("audit.jsonl"));
        RuleAudit alone = new RuleAudit(file, false, now::get);
        alone.record(entry("deploy", "m1", null));
        assertEquals(1, file.page(null, null, 10).size());
        assertEquals(file.page(null, null, 10), alone.page(null, null, 10));
    }
}
