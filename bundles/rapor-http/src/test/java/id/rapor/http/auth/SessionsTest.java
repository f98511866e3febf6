package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions on a clock the test moves: idle expiry, the longest life, logout, and a password changed under a session. */
public class SessionsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Sessions sessions = new Sessions(now::get, 60_000);

    @Test
    void aSessionLastsWhileUsedAndEndsAfterItsIdleTime() {
        Sessions.Session s = sessions.open("ani", "hash", "admin");
        now.addAndGet(59_000);
        assertNotNull(sessions.use(s.token()), "used within its idle time");
        now.addAndGet(59_000);
        assertNotNull(sessions.use(s.token()), "each use starts the idle time again");
        now.addAndGet(60_000);
        assertNull(sessions.use(s.token()), "a minute idle: over");
        assertEquals(0, sessions.size(), "and forgotten");
    }

    @Test
    void aSessionEndsTwelveHoursAfterLoginHoweverBusy() {
        Sessions.Session s = sessions.open("ani", "hash", "admin");
        for (int k = 0; k < 12 * 60 - 1; k++) {
            now.addAndGet(60_000 - 1);
            assertNotNull(sessions.use(s.token()));
        }
        now.addAndGet(60_000);
        assertNull(sessions.use(s.token()));
    }

    @Test
    void loggingOutEndsTheSessionAndOnlyIt() {
        Sessions.Session a = sessions.open("ani", "hash", "admin");
        Sessions.Session b = sessions.open("ani", "hash", "admin");
        assertNotEquals(a.token(), b.token());
        assertNotEquals(a.token(), a.csrf(), "the CSRF token is not the cookie");
        assertTrue(sessions.close(a.token()));
        assertFalse(sessions.close(a.token()));
        assertNull(sessions.use(a.token()));
        assertNotNull(sessions.use(b.token()));
        assertNull(sessions.use("made-up"));
        assertNull(sessions.use(null));
    }

    @Test
    void theCsrfTokenMustBeTheSessionsOwn() {
        Sessions.Session a = sessions.open("ani", "hash", "admin");
        Sessions.Session b = sessions.open("budi", "hash", "admin");
        assertTrue(a.csrfMatches(a.csrf()));
        assertFalse(a.csrfMatches(b.csrf()));
        assertFalse(a.csrfMatches(null));
        assertFalse(a.csrfMatches(""));
    }

    @Test
    void aPasswordChangedOrAUserRemovedEndsTheirSessions(@TempDir Path etc) throws Exception {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        users.put("ani", Set.of("unit-admin@dinas-a"), "sandi-lama-123".toCharArray());
        Authenticator authenticator = new Authenticator(users);
        UsersFile.User ani = authenticator.check("ani", "sandi-lama-123".toCharArray());
        assertNull(authenticator.check("ani", "salah".toCharArray()));
        assertNull(authenticator.check("nobody", "salah".toCharArray()));
        Sessions.Session s = sessions.open(ani.name(), ani.passwordHash(), ani.grants());
        Authenticator.Caller caller = authenticator.stillValid(s);
        assertEquals(Set.of("dinas-a"), caller.scope("unit-admin"));
        users.put("budi", Set.of("admin"), "sandi-budi-123".toCharArray());
        assertNotNull(authenticator.stillValid(s), "another user's change leaves ani's session");
        users.put("ani", Set.of("unit-admin@dinas-a"), "sandi-baru-456".toCharArray());
        assertNull(authenticator.stillValid(s), "her password changed: the session is over");
    }

    @Test
    void grantsChangedEvenByBinRaporUserEndTheSession(@TempDir Path etc) throws Exception {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        users.put("ani", Set.of("evaluator@kab-a"), "sandi-lama-123".toCharArray());
        Authenticator authenticator = new Authenticator(users);
        UsersFile.User ani = authenticator.check("ani", "sandi-lama-123".toCharArray());
        Sessions.Session s = sessions.open(ani.name(), ani.passwordHash(), ani.grants());
        // Another UsersFile on the same file: what bin/rapor-user does from another process.
        assertTrue(new UsersFile(etc.resolve("users.properties")).regrant("ani", Set.of("evaluator@kab-b")));
        assertNull(authenticator.stillValid(s), "her grants changed: the session is over, not widened or narrowed under her");
    }

    @Test
    void accountsEndTheSessionsOfAChangedOrRemovedUserAtOnce(@TempDir Path etc) throws Exception {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        Accounts accounts = new Accounts(users, sessions);
        assertNull(accounts.save("ani", Set.of("evaluator@kab-a"), null), "no password: no new user");
        assertTrue(accounts.save("ani", Set.of("evaluator@kab-a"), "sandi-lama-123".toCharArray()).created());
        UsersFile.User ani = users.find("ani");
        Sessions.Session a = sessions.open("ani", ani.passwordHash(), ani.grants());
        Sessions.Session b = sessions.open("budi", "hash", "admin");
        Accounts.Saved same = accounts.save("ani", Set.of("evaluator@kab-a"), null);
        assertEquals(0, same.sessionsEnded(), "the same grants again end nothing");
        assertNotNull(sessions.use(a.token()));
        Accounts.Saved narrowed = accounts.save("ani", Set.of("verifier"), null);
        assertEquals("evaluator@kab-a", narrowed.grantsBefore());
        assertEquals(1, narrowed.sessionsEnded());
        assertNull(sessions.use(a.token()), "ended at once, not at its next check");
        assertEquals(ani.passwordHash(), users.find("ani").passwordHash(), "a change of grants keeps the password");
        Sessions.Session again = sessions.open("ani", ani.passwordHash(), "verifier");
        assertEquals(1, accounts.remove("ani"));
        assertNull(sessions.use(again.token()));
        assertEquals(-1, accounts.remove("ani"));
        assertNotNull(sessions.use(b.token()), "another user's session stays");
    }
}
