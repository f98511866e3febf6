package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

public class FailedLoginsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailedLogins logins = new FailedLogins(now::get);

    private long wait(String address, String name) {
        FailedLogins.Block b = logins.blocked(address, name);
        return b == null ? 0 : b.seconds();
    }

    @Test
    void tenFailuresInAMinuteBlockThatAddressUntilTheMinuteIsOver() {
        for (int k = 0; k < FailedLogins.LIMIT - 1; k++) logins.failed("10.0.0.1", "user" + k);
        assertEquals(0, wait("10.0.0.1", "siti"), "nine failures: may still try");
        logins.failed("10.0.0.1", "another");
        assertEquals(60, wait("10.0.0.1", "siti"));
        assertEquals(60, wait("10.0.0.1", null), "an anonymous call from there waits too");
        assertEquals(0, wait("10.0.0.2", "siti"), "other addresses are not affected");
        now.addAndGet(59_500);
        assertEquals(1, wait("10.0.0.1", "siti"));
        now.addAndGet(500);
        assertEquals(0, wait("10.0.0.1", "siti"), "the minute is over");
        logins.failed("10.0.0.1", "siti");
        assertEquals(0, wait("10.0.0.1", "siti"), "a new minute counts from one");
    }

    @Test
    void tenFailuresForOneUserBlockThatUserFromEveryAddress() {
        for (int k = 0; k < FailedLogins.LIMIT; k++) logins.failed("10.0.1." + k, "siti");
        FailedLogins.Block b = logins.blocked("10.9.9.9", "siti");
        assertNotNull(b, "guesses spread over addresses still count against the user");
        assertTrue(b.reason().contains("as this user"), b.reason());
        assertNull(logins.blocked("10.9.9.9", "budi"), "other users are not affected");
    }

    @Test
    void aSuccessForOneUserClearsNobodyElsesFailures() {
        // The hostile test: 45 wrong passwords for A, each few interleaved with a good login as B, from one address.
        int refused = 0;
        for (int k = 0; k < 45; k++) {
            if (logins.blocked("10.0.0.1", "a") != null) { refused++; continue; }
            logins.failed("10.0.0.1", "a");
            if (k % 9 == 8 && logins.blocked("10.0.0.1", "b") == null) logins.succeeded("10.0.0.1", "b");
        }
        assertEquals(45 - FailedLogins.LIMIT, refused, "after ten failures the guesses are refused unchecked");
        assertNotNull(logins.blocked("10.0.0.1", "a"));
    }

    @Test
    void aSuccessClearsOnlyThatUsersOwnFailures() {
        for (int k = 0; k < 4; k++) logins.failed("10.0.0.1", "siti");        // siti mistypes her password
        for (int k = 0; k < 5; k++) logins.failed("10.0.0.1", "admin");       // someone guesses at admin
        logins.succeeded("10.0.0.1", "siti");
        assertNull(logins.blocked("10.0.0.1", "siti"));
        logins.failed("10.0.0.1", "admin");
        assertNull(logins.blocked("10.0.0.1", "admin"), "5 + 1 for admin: siti's own 4 no longer count");
        for (int k = 0; k < 4; k++) logins.failed("10.0.0.1", "admin");
        assertNotNull(logins.blocked("10.0.0.1", "siti"), "ten failures for admin from the address: it waits, whoever it logs in as");
        logins.succeeded("10.0.0.1", "siti");
        assertNotNull(logins.blocked("10.0.0.1", "root"), "siti logging in does not clear admin's failures");
    }
}
