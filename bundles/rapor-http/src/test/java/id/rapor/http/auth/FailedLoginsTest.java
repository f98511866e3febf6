package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

public class FailedLoginsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailedLogins logins = new FailedLogins(now::get);

    /** A wrong password from {@code address} as {@code name}: 0 if it was checked (and so counts), else the seconds it must wait. */
    private long guess(String address, String name) {
        FailedLogins.Block b = logins.attempt(address, name);
        return b == null ? 0 : b.seconds();
    }

    /** The right password: whether it was checked, and so let in. */
    private boolean login(String address, String name) {
        if (logins.attempt(address, name) != null) return false;
        logins.succeeded(address, name);
        return true;
    }

    @Test
    void tenFailuresInAMinuteBlockThatAddressUntilTheMinuteIsOver() {
        for (int k = 0; k < FailedLogins.LIMIT; k++) assertEquals(0, guess("10.0.0.1", "user" + k), "checked: " + k);
        assertEquals(60, guess("10.0.0.1", "siti"), "the eleventh is refused unchecked");
        assertEquals(60, logins.blocked("10.0.0.1").seconds(), "an anonymous call from there waits too");
        assertNull(logins.blocked("10.0.0.2"), "other addresses are not affected");
        assertEquals(0, guess("10.0.0.2", "siti"));
        now.addAndGet(59_500);
        assertEquals(1, guess("10.0.0.1", "siti"));
        now.addAndGet(500);
        assertEquals(0, guess("10.0.0.1", "siti"), "the minute is over");
        for (int k = 1; k < FailedLogins.LIMIT; k++) assertEquals(0, guess("10.0.0.1", "user" + k), "a new minute counts from one");
        assertEquals(60, guess("10.0.0.1", "siti"));
    }

    @Test
    void aBlockedNameGetsOnePasswordASecondCheckedAndEachAddressOneGuessAtIt() {
        for (int k = 0; k < FailedLogins.LIMIT; k++) assertEquals(0, guess("10.0.1." + k, "siti"));
        FailedLogins.Block b = logins.attempt("10.9.9.9", "siti");
        assertNotNull(b, "guesses spread over addresses count against the name");
        assertTrue(b.reason().contains("as this user") && b.reason().contains("one password a second"), b.reason());
        assertEquals(1, b.seconds());
        assertEquals(0, guess("10.9.9.9", "budi"), "other names are not affected");

        now.addAndGet(1_000);
        assertEquals(0, guess("10.9.9.9", "siti"), "a second later, one is checked");
        assertTrue(guess("10.9.9.8", "siti") > 0, "and no other in that second");
        now.addAndGet(1_000);
        assertEquals(58, guess("10.9.9.9", "siti"), "an address that guessed wrong at the blocked name waits for its minute");
        assertEquals(0, guess("10.9.9.7", "siti"));
        assertEquals(58, guess("10.0.1.0", "siti"), "so do those that blocked it");
    }

    @Test
    void theOwnerOfAGuessedNameStillLogsInFromAnAddressOfTheirOwn() {
        // The review: ten guesses at siti's password, and siti herself then got 429 for as long as guessing went on.
        for (int k = 0; k < FailedLogins.LIMIT; k++) assertEquals(0, guess("10.6.6.6", "siti"));
        for (int k = 0; k < 30; k++) assertTrue(guess("10.6.6.6", "siti") > 0, "the guesser is refused unchecked");
        assertFalse(login("10.6.6.6", "siti"), "from the guesser's address, even the right password waits");

        now.addAndGet(1_000);
        assertTrue(login("192.168.1.5", "siti"), "siti, from her own address, is let in");
        for (int k = 0; k < 10; k++) assertTrue(guess("10.6.6." + (10 + k), "siti") > 0, "guesses in that second are refused");
        now.addAndGet(1_000);
        assertEquals(0, guess("10.6.6.20", "siti"), "her login cleared only her own count: the name is still blocked, one a second");
        assertTrue(guess("10.6.6.21", "siti") > 0);
        now.addAndGet(1_000);
        assertTrue(login("192.168.1.5", "siti"), "and she logs in again");
    }

    @Test
    void aSuccessForOneUserClearsNobodyElsesFailures() {
        // The hostile test: 45 wrong passwords for A, each few interleaved with a good login as B, from one address.
        int refused = 0;
        for (int k = 0; k < 45; k++) {
            if (guess("10.0.0.1", "a") > 0) refused++;
            if (k % 9 == 8) login("10.0.0.1", "b");
        }
        assertEquals(45 - FailedLogins.LIMIT, refused, "after ten failures the guesses are refused unchecked");
        assertNotNull(logins.blocked("10.0.0.1"));
    }

    @Test
    void aSuccessClearsOnlyThatUsersOwnFailuresFromThatAddress() {
        for (int k = 0; k < 4; k++) guess("10.0.0.1", "siti");        // siti mistypes her password
        for (int k = 0; k < 5; k++) guess("10.0.0.1", "admin");       // someone guesses at admin
        assertTrue(login("10.0.0.1", "siti"));
        assertEquals(0, guess("10.0.0.1", "admin"), "5 + 1 for admin: siti's own 4 no longer count");
        for (int k = 0; k < 4; k++) assertEquals(0, guess("10.0.0.1", "admin"));
        assertFalse(login("10.0.0.1", "siti"), "ten failures for admin from the address: it waits, whoever it logs in as");
        assertTrue(guess("10.0.0.1", "root") > 0, "siti's attempt cleared nothing of admin's");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int k = 0; k < FailedLogins.LIMIT; k++) assertEquals(0, guess("[2001:db8:0:1::" + Integer.toHexString(k + 1) + "]", "user" + k));
        assertEquals(60, guess("[2001:db8:0:1:ffff:ffff:ffff:ffff]", "siti"), "another address of that /64 is the same client");
        assertEquals(0, guess("[2001:db8:0:2::1]", "siti"), "the next /64 is another");
    }
}
