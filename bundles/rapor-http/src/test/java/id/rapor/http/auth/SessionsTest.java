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
        Sessions.Session s = sessions.open("ani", "hash");
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
        Sessions.Session s = sessions.open("ani", "hash");
        for (int k = 0; k < 12 * 60 - 1; k++) {
            now.addAndGet(60_000 - 1);
            assertNotNull(sessions.use(s.token()));
        }
        now.addAndGet(60_000);
        assertNull(sessions.use(s.token()));
    }

    @Test
    void loggingOutEndsTheSessionAndOnlyIt() {
        Sessions.Session a = sessions.open("ani", "hash");
        Sessions.Session b = sessions.open("ani", "hash");
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
        Sessions.Session a = sessions.open("ani", "hash");
        Sessions.Session b = sessions.open("budi", "hash");
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
        Sessions.Session s = sessions.open(ani.name(), ani.passwordHash());
        Authenticator.Caller caller = authenticator.stillValid(s);
        assertEquals(Set.of("dinas-a"), caller.scope("unit-admin"));
        users.put("budi", Set.of("admin"), "sandi-budi-123".toCharArray());
        assertNotNull(authenticator.stillValid(s), "another user's change leaves ani's session");
        users.put("ani", Set.of("unit-admin@dinas-a"), "sandi-baru-456".toCharArray());
        assertNull(authenticator.stillValid(s), "her password changed: the session is over");
    }
}
