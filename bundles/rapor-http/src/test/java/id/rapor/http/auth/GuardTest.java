package id.rapor.http.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.rapor.api.AuditTrail;
import id.rapor.api.model.AuditEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logins as the Guard checks them, against a real users file and real PBKDF2 hashes (a tenth of
 * a second each): what the limits on failed logins let through when logins arrive together.
 */
public class GuardTest {
    private static final String PASSWORD = "sandi-kebijakan";

    @TempDir
    Path etc;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AuditTrail trail = new AuditTrail() {
        @Override public void record(AuditEntry entry) { }
        @Override public List<AuditEntry> page(String methodology, Long before, int limit) { return List.of(); }
    };
    private Guard guard;

    @BeforeEach
    void siti() throws Exception {
        UsersFile users = new UsersFile(etc.resolve("users.properties"));
        users.put("siti", Set.of("policy"), PASSWORD.toCharArray());
        guard = new Guard(new Authenticator(users), trail, new FailedLogins(now::get), new RefusalAudit(trail, now::get, 20, 200));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code count} wrong passwords for siti all at once, the k-th from {@code from.apply(k)}; how many were checked (401, not 429). */
    private int checkedOf(int count, IntFunction<String> from) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CyclicBarrier together = new CyclicBarrier(count);
        try {
            List<Future<Guard.Identity>> answers = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                int guess = k;
                answers.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return guard.identify(from.apply(guess), basic("siti", "tebakan-" + guess));
                }));
            }
            int checked = 0;
            for (Future<Guard.Identity> a : answers) {
                Guard.Identity identity = a.get(60, TimeUnit.SECONDS);
                assertNull(identity.caller(), "no guess is right");
                if (identity.block() == null) checked++;
            }
            return checked;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyWrongPasswordsAtOnceFromOneAddressHaveTenChecked() throws Exception {
        // The review: 38 of 50 were checked (401), only 12 refused (429), each judged before any had been counted.
        assertEquals(FailedLogins.LIMIT, checkedOf(50, k -> "10.0.0.1"));
    }

    @Test
    void fiftyWrongPasswordsAtOnceForOneUserFromFiftyAddressesHaveTenChecked() throws Exception {
        assertEquals(FailedLogins.LIMIT, checkedOf(50, k -> "10.0.1." + k));
    }

    @Test
    void theOwnerLogsInFromAnAddressOfHerOwnWhileGuessesAtHerNameAreRefused() {
        for (int k = 0; k < FailedLogins.LIMIT; k++) {
            Guard.Identity guess = guard.identify("10.6.6.6", basic("siti", "tebakan-" + k));
            assertNull(guess.caller());
            assertNull(guess.block(), "checked: 401");
        }
        assertNotNull(guard.identify("10.6.6.6", basic("siti", PASSWORD)).block(), "from the guesser's own address, the right password waits");
        assertNotNull(guard.identify("10.6.6.7", basic("siti", "tebakan-x")).block(), "a guess from elsewhere in the same second: 429");
        now.addAndGet(1_000);
        Guard.Identity owner = guard.identify("192.168.1.5", basic("siti", PASSWORD));
        assertNull(owner.block(), "siti, from her own address: checked");
        assertNotNull(owner.caller(), "and let in");
        assertEquals("siti", owner.caller().name());
        assertNotNull(guard.identify("10.6.6.8", basic("siti", "tebakan-y")).block(), "guessing goes on being refused");
    }
}
