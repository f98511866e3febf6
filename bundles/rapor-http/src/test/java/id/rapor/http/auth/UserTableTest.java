package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.rapor.database.DatabaseSettings;
import id.rapor.database.Migrations;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' users on one database (the real migrations, on an in-memory H2; PostgreSQL's NOTIFY is stood in for by
 * calling reload, as {@link SharedUsers} does on a notice): what one node changes, the other goes by once it reads
 * again, and the other's sessions of that user end; before the table was read, nobody logs in.
 */
class UserTableTest {
    private JdbcDataSource db;
    private UserTable a;
    private UserTable b;
    private final Sessions sessions = new Sessions(System::currentTimeMillis, 60_000);

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Migrations.migrate(db, DatabaseSettings.Kind.H2);
        a = new UserTable(db::getConnection, false);
        b = new UserTable(db::getConnection, false);
    }

    @Test
    void whatOneNodeChangesTheOtherGoesByOnceItReadsAgainAndItsSessionsEnd() throws Exception {
        a.reload();
        b.reload();
        a.put("ani", Set.of("evaluator@kab-a"), "sandi-ani-123".toCharArray(), "admin-a");
        assertNotNull(a.find("ani"), "the writer reads its own change at once");
        assertNull(b.find("ani"), "the other node, until told");
        b.reload();
        Authenticator onB = new Authenticator(new CurrentUsers(b));
        UsersFile.User ani = onB.check("ani", "sandi-ani-123".toCharArray());
        assertNotNull(ani);
        Sessions.Session session = sessions.open(ani.name(), ani.passwordHash(), ani.grants());
        assertNotNull(onB.stillValid(session));

        a.put("budi", Set.of("admin"), "sandi-budi-123".toCharArray(), "admin-a");
        b.reload();
        assertSame(ani, b.find("ani"), "a user who did not change stays the same: remembered logins need no new hash");
        assertNotNull(onB.stillValid(session));

        assertTrue(a.regrant("ani", Set.of("verifier", "evaluator@kab-a"), "admin-a"));
        assertEquals("evaluator@kab-a,verifier", a.find("ani").grants());
        assertEquals(ani.passwordHash(), a.find("ani").passwordHash(), "a regrant keeps the password");
        b.reload();
        assertNull(onB.stillValid(session), "her grants changed on node A: her session on node B is over");
        assertFalse(a.regrant("nobody", Set.of("admin"), "admin-a"), "no such user: nothing written");

        assertTrue(b.remove("budi"));
        a.reload();
        assertNull(a.find("budi"));
        assertNull(new Authenticator(new CurrentUsers(a)).check("budi", "sandi-budi-123".toCharArray()), "removed on B: refused on A");
        assertFalse(b.remove("budi"));
        try (var c = db.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT updated_by FROM rapor_user WHERE name = 'ani'")) {
            assertTrue(r.next());
            assertEquals("admin-a", r.getString(1), "who changed her is kept");
        }
    }

    @Test
    void beforeTheTableWasReadNobodyLogsInAndNothingIsChanged() throws Exception {
        a.put("ani", Set.of("admin"), "sandi-ani-123".toCharArray(), "x");
        assertFalse(b.isRead());
        assertNull(b.find("ani"), "not read yet: nobody, never a stale file");
        CurrentUsers awaiting = CurrentUsers.awaitingShared();
        assertNull(new Authenticator(awaiting).check("ani", "sandi-ani-123".toCharArray()));
        assertTrue(awaiting.all().isEmpty());
        assertThrows(UserStore.Unavailable.class, () -> awaiting.put("x", Set.of("admin"), "sandi-x-1234".toCharArray(), "y"));
        assertThrows(UserStore.Unavailable.class, () -> awaiting.remove("ani"));
        b.reload();
        awaiting.use(b);
        assertNotNull(new Authenticator(awaiting).check("ani", "sandi-ani-123".toCharArray()));
    }

    @Test
    void theFirstNodeToShareAnEmptyTableBringsItsFileAlongOnlyThen(@TempDir Path etc) throws Exception {
        UsersFile first = new UsersFile(etc.resolve("first.properties"));
        first.put("admin", Set.of("admin"), "sandi-admin-1".toCharArray());
        first.put("opd", Set.of("unit-admin@dinas-a"), "sandi-opd-12".toCharArray());
        UsersFile second = new UsersFile(etc.resolve("second.properties"));
        second.put("lama", Set.of("policy"), "sandi-lama-1".toCharArray());
        assertEquals(2, a.importIfEmpty(first, "import"));
        assertEquals(0, b.importIfEmpty(second, "import"), "the table has users: a second node's file is not brought");
        b.reload();
        assertEquals(Set.of("admin", "opd"), b.all().keySet());
        assertEquals(Set.of("dinas-a"), b.find("opd").scopes().get("unit-admin"));
        assertNotNull(new Authenticator(new CurrentUsers(b)).check("admin", "sandi-admin-1".toCharArray()), "the hash came as it was");
        assertEquals(0, a.importIfEmpty(new UsersFile(etc.resolve("none.properties")), "import"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsUnavailableAndTheLastReadUsersStay() throws Exception {
        a.put("ani", Set.of("admin"), "sandi-ani-123".toCharArray(), "x");
        boolean[] down = {false};
        UserTable flaky = new UserTable(() -> {
            if (down[0]) throw new java.sql.SQLException("connection refused");
            return db.getConnection();
        }, false);
        flaky.reload();
        down[0] = true;
        assertThrows(UserStore.Unavailable.class, flaky::reload);
        assertThrows(UserStore.Unavailable.class, () -> flaky.remove("ani"));
        assertNotNull(flaky.find("ani"), "a node that loses the database goes by the users it read last");
    }
}
