package id.rapor.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final FailedLogins logins = new FailedLogins(now::get);

    @Test
    void tenFailuresInAMinuteBlockThatAddressUntilTheMinuteIsOver() {
        for (int k = 0; k < FailedLogins.LIMIT - 1; k++) logins.failed("10.0.0.1");
        assertEquals(0, logins.blockedFor("10.0.0.1"), "nine failures: may still try");
        logins.failed("10.0.0.1");
        assertEquals(60, logins.blockedFor("10.0.0.1"));
        assertEquals(0, logins.blockedFor("10.0.0.2"), "other addresses are not affected");
        now.addAndGet(59_500);
        assertEquals(1, logins.blockedFor("10.0.0.1"));
        now.addAndGet(500);
        assertEquals(0, logins.blockedFor("10.0.0.1"), "the minute is over");
        logins.failed("10.0.0.1");
        assertEquals(0, logins.blockedFor("10.0.0.1"), "a new minute counts from one");
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        for (int k = 0; k < FailedLogins.LIMIT - 1; k++) logins.failed("10.0.0.1");
        logins.succeeded("10.0.0.1");
        logins.failed("10.0.0.1");
        assertEquals(0, logins.blockedFor("10.0.0.1"));
    }
}
